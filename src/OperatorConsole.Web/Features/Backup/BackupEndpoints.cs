using OperatorConsole.Core.Backup;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Backup;

/// <summary>Online backups for Admins: make one (answers its file, SHA-256, size and ledger head), list them, download one.</summary>
public static class BackupEndpoints
{
    public static RouteGroupBuilder MapBackupEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/backups").WithTags("Backups");

        group.MapPost("/", async (HttpContext http, BackupService backups, CancellationToken cancellationToken) =>
        {
            var backup = await backups.CreateAsync(http.User.ToActor(), cancellationToken);
            return Results.Created($"/api/backups/{backup.File}", backup);
        }).WithSummary("Take a backup of the data file now (Admin)");

        group.MapGet("/", (HttpContext http, BackupService backups) => backups.ListAsync(http.User.ToActor()))
            .WithSummary("List the backups (Admin)");

        group.MapGet("/{file}", async (HttpContext http, BackupService backups, string file) =>
            Results.File(await backups.DownloadAsync(http.User.ToActor(), file), "application/octet-stream", file))
            .WithSummary("Download one backup file (Admin)");

        return group;
    }
}
