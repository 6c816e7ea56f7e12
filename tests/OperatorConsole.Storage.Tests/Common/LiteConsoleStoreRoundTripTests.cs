using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>Each repository gives back exactly what it was given.</summary>
public sealed class LiteConsoleStoreRoundTripTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, 123, TimeSpan.Zero);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Runbooks_TwoVersions_EachReadsBackWhole()
    {
        var v1 = Runbook("drill", 1, "Drill");
        var v2 = Runbook("drill", 2, "Drill, revised");
        await Write(s => s.Runbooks.Add(v1));
        await Write(s => s.Runbooks.Add(v2));

        Assert.Equal(Json(v1), Json(_store.Store.Read(s => s.Runbooks.Get("drill", 1))));
        Assert.Equal(Json(v2), Json(_store.Store.Read(s => s.Runbooks.Get("drill"))));
    }

    [Fact]
    public async Task Runbooks_Versions_NewestFirst()
    {
        await Write(s => s.Runbooks.Add(Runbook("drill", 1, "Drill")));
        await Write(s => s.Runbooks.Add(Runbook("drill", 2, "Drill")));
        await Write(s => s.Runbooks.Add(Runbook("other", 1, "Other")));

        Assert.Equal([2, 1], _store.Store.Read(s => s.Runbooks.Versions("drill")).Select(r => r.Version));
    }

    [Fact]
    public async Task Runbooks_Latest_OneVersionPerSlug()
    {
        await Write(s => s.Runbooks.Add(Runbook("drill", 1, "Drill")));
        await Write(s => s.Runbooks.Add(Runbook("drill", 2, "Drill")));
        await Write(s => s.Runbooks.Add(Runbook("other", 1, "Other")));

        var latest = _store.Store.Read(s => s.Runbooks.Latest()).Select(r => r.Id).Order(StringComparer.Ordinal);

        Assert.Equal(["drill@2", "other@1"], latest);
    }

    [Fact]
    public void Runbooks_UnknownSlug_IsNull()
    {
        Assert.Null(_store.Store.Read(s => s.Runbooks.Get("nope")));
    }

    [Fact]
    public async Task Runs_RunWithCheckedStepAndProbeResult_ReadsBackWhole()
    {
        var run = Run("r1", "drill", T0);
        await Write(s => s.Runs.Upsert(run));

        Assert.Equal(Json(run), Json(_store.Store.Read(s => s.Runs.Get("r1"))));
    }

    [Fact]
    public async Task Runs_ListBySlug_OnlyThatRunbookNewestFirst()
    {
        await Write(s => s.Runs.Upsert(Run("r1", "drill", T0)));
        await Write(s => s.Runs.Upsert(Run("r2", "other", T0.AddMinutes(1))));
        await Write(s => s.Runs.Upsert(Run("r3", "drill", T0.AddMinutes(2))));

        Assert.Equal(["r3", "r1"], _store.Store.Read(s => s.Runs.List("drill")).Select(r => r.Id));
        Assert.Equal(["r3", "r2", "r1"], _store.Store.Read(s => s.Runs.List()).Select(r => r.Id));
    }

    [Fact]
    public async Task Runs_UpsertSameId_ReplacesTheRun()
    {
        var run = Run("r1", "drill", T0);
        await Write(s => s.Runs.Upsert(run));
        await Write(s => s.Runs.Upsert(run with { Status = RunStatus.Completed, CompletedBy = "Ada" }));

        var stored = _store.Store.Read(s => s.Runs.List());
        Assert.Equal(RunStatus.Completed, Assert.Single(stored).Status);
    }

    [Fact]
    public async Task Users_User_ReadsBackWhole()
    {
        var user = new User
        {
            Id = "ada", DisplayName = "Ada Admin", Roles = Role.Admin | Role.Viewer, PasswordHash = "h", DarkMode = true, CreatedAt = T0,
        };
        await Write(s => s.Users.Upsert(user));

        Assert.Equal(user, _store.Store.Read(s => s.Users.Get("ada")));
    }

    [Fact]
    public async Task ApiKeys_RevokedKey_ReadsBackWhole()
    {
        var key = new ApiKey
        {
            Id = "abc123", Name = "deployer", Roles = Role.ReleaseOwner, SecretHash = new string('f', 64),
            CreatedBy = "ada", CreatedAt = T0, RevokedAt = T0.AddDays(1),
        };
        await Write(s => s.ApiKeys.Upsert(key));

        Assert.Equal(key, _store.Store.Read(s => s.ApiKeys.Get("abc123")));
    }

    private Task Write(Action<Core.Persistence.IStoreSession> change) =>
        _store.Store.WriteAsync(s =>
        {
            change(s);
            return true;
        });

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static Runbook Runbook(string slug, int version, string title) => new()
    {
        Slug = slug,
        Version = version,
        Title = title,
        Priority = Priority.P1,
        Trigger = "When the primary fails.",
        Tags = ["drill", "ops"],
        Severities = ["SEV-2"],
        Sections =
        [
            new RunbookSection("s1", "Steps", 2, SectionRole.Steps, Priority.P1, "SEV-2",
                [
                    new RunbookStep("s1-1", "Announce — “now”", StepKind.Manual),
                    new RunbookStep("s1-2", "Probe", StepKind.Probe, Probe: new ProbeSpec("GET", "/health/live", 200, "$.rate", ">", 0.9, null, 3000)),
                ],
                [new RunbookTable(["a", "b"], [["1", "2"]])]),
        ],
        Source = $"# {title}\n",
        SourceSha256 = new string('a', 64),
        ImportedAt = T0,
        ImportedBy = "Ada",
        Repairs = ["fixed mojibake"],
    };

    private static RunbookRun Run(string id, string slug, DateTimeOffset startedAt) => new()
    {
        Id = id,
        RunbookSlug = slug,
        RunbookVersion = 1,
        RunbookTitle = "Drill",
        IncidentId = "inc-7",
        StartedBy = "Omar",
        StartedAt = startedAt,
        Steps =
        [
            new RunStep
            {
                StepId = "s1-1", SectionTitle = "Steps", Definition = new RunbookStep("s1-1", "Announce", StepKind.Manual),
                CheckedBy = "Omar", CheckedAt = startedAt.AddMinutes(1), Note = "done", Output = "ok",
                ProbeResults = [new ProbeResult(startedAt, "GET", "http://127.0.0.1/health", 503, 12, false, "status 503", "{}", "Omar")],
            },
        ],
    };
}
