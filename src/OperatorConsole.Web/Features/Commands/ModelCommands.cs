using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Releases;

namespace OperatorConsole.Web.Features.Commands;

/// <summary>
/// 001's shadow path: REGISTER_MODEL, SET_CANDIDATE_MODEL, SET_CANARY_RATIO, and PROMOTE_CANDIDATE / ROLLBACK_MODEL with
/// the confirmation_token round trip. "scope" is optional everywhere and defaults to the configured model slot.
/// </summary>
public sealed class ModelCommands(ReleaseService releases) : ICommandHandler
{
    public const string Register = "REGISTER_MODEL";
    public const string SetCandidate = "SET_CANDIDATE_MODEL";
    public const string SetCanary = "SET_CANARY_RATIO";
    public const string Promote = "PROMOTE_CANDIDATE";
    public const string Rollback = "ROLLBACK_MODEL";

    public IReadOnlyCollection<string> Types { get; } = [Register, SetCandidate, SetCanary, Promote, Rollback];

    public async Task<IResult> HandleAsync(CommandRequest command)
    {
        var scope = command.Text("scope");
        switch (command.Type)
        {
            case Register:
                var release = await releases.RegisterAsync(command.Actor, RegistrationOf(command, scope), command.OperatorId);
                return CommandResults.Ok(new { status = "REGISTERED", release = ModelView.Of(release) });
            case SetCandidate:
                var target = command.Number("shadow_target");
                var candidate = await releases.SetCandidateAsync(command.Actor, scope, command.Text("version"), WholeNumber(target, "shadow_target"), command.OperatorId);
                return CommandResults.Ok(new { status = "CANDIDATE", release = ModelView.Of(candidate) });
            case SetCanary:
                var canary = await releases.SetCanaryRatioAsync(command.Actor, scope, RatioOf(command), command.OperatorId);
                return CommandResults.Ok(new { status = "CANARY", canary_ratio = canary.CanaryRatio, release = ModelView.Of(canary) });
            case Promote:
                return await PromoteAsync(command, scope);
            default:
                return await RollbackAsync(command, scope);
        }
    }

    private async Task<IResult> PromoteAsync(CommandRequest command, string? scope)
    {
        var operatorId = command.RequireOperatorId();
        if (command.ConfirmationToken is null)
        {
            return CommandResults.ConfirmationNeeded(Promote, await releases.RequestPromoteAsync(command.Actor, scope));
        }

        var promoted = await releases.PromoteAsync(command.Actor, command.ConfirmationToken, scope, operatorId);
        return CommandResults.Ok(new { status = "PROMOTED", release = ModelView.Of(promoted), model = ModelView.Of(releases.Status(promoted.ScopeId)) });
    }

    private async Task<IResult> RollbackAsync(CommandRequest command, string? scope)
    {
        var operatorId = command.RequireOperatorId();
        if (command.ConfirmationToken is null)
        {
            return CommandResults.ConfirmationNeeded(Rollback, await releases.RequestRollbackAsync(command.Actor, scope));
        }

        var restored = await releases.RollbackAsync(command.Actor, command.ConfirmationToken, scope, command.Text("reason"), operatorId);
        return CommandResults.Ok(new { status = "ROLLED_BACK", restored = restored is null ? null : ModelView.Of(restored), model = ModelView.Of(releases.Status(scope)) });
    }

    /// <summary>001 sends only metadata.version; artifact_url/artifact_sha256, sbom and changelog are read from metadata when given.</summary>
    private static ReleaseInput RegistrationOf(CommandRequest command, string? scope)
    {
        var metadata = command.Object("metadata")
            ?? throw DomainValidationException.ForFields([new FieldProblem("metadata", "REGISTER_MODEL needs \"metadata\": {\"version\": \"M-MyModel-V1\", …}.")]);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in metadata.EnumerateObject())
        {
            if (!fields.TryAdd(property.Name, property.Value.GetRawText()))
            {
                throw DomainValidationException.ForFields([new FieldProblem("metadata", $"\"metadata\" names '{property.Name}' twice; name each field once.")]);
            }
        }

        return new ReleaseInput(scope, Text(metadata, "version"), fields, Text(metadata, "artifact_url"), Text(metadata, "artifact_sha256"), Text(metadata, "sbom"), Text(metadata, "changelog"));
    }

    private static double RatioOf(CommandRequest command) =>
        command.Number("ratio") ?? throw DomainValidationException.ForFields([new FieldProblem("ratio", "SET_CANARY_RATIO needs \"ratio\", a number from 0 to 1.")]);

    internal static int? WholeNumber(double? value, string field) =>
        value is null ? null
            : value is >= int.MinValue and <= int.MaxValue && Math.Floor(value.Value) == value.Value ? (int)value.Value
            : throw DomainValidationException.ForFields([new FieldProblem(field, $"'{field}' must be a whole number.")]);

    private static string? Text(JsonElement obj, string field) =>
        !obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : throw DomainValidationException.ForFields([new FieldProblem($"metadata.{field}", $"'metadata.{field}' must be a string.")]);
}
