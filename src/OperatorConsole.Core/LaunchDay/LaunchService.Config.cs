using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay.Config;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>
/// Step 1: the production config, pasted or fetched, verified against the expectations and the console's own switches.
/// The raw text is parsed outside the write and never stored; only the snapshot without secret values is.
/// </summary>
public sealed partial class LaunchService
{
    public async Task<Launch> SubmitConfigAsync(Actor actor, string id, string? text, string? format, CancellationToken ct = default)
    {
        await changes.CheckAsync(actor, c => OpenForStep(c, id, LaunchActions.SubmitConfig), ct);
        var parsed = ConfigSnapshotParser.Parse(text, format);
        return await VerifyConfigAsync(actor, id, parsed, LaunchActions.SubmitConfig, $"submitted by {actor.DisplayName}", ct);
    }

    public async Task<Launch> FetchConfigAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var url = await changes.RunAsync(actor, c =>
        {
            var launch = OpenForStep(c, id, LaunchActions.FetchConfig);
            return launch.Expectations.FetchUrl
                ?? throw new ConflictException("No fetch URL is set for this launch; add one to the expected values, or paste the config.");
        }, ct);
        var (text, format) = await fetcher.FetchAsync(url, ct);
        var parsed = ConfigSnapshotParser.Parse(text, format);
        return await VerifyConfigAsync(actor, id, parsed, LaunchActions.FetchConfig, url, ct);
    }

    private Task<Launch> VerifyConfigAsync(Actor actor, string id, ParsedConfig parsed, string action, string source, CancellationToken ct) =>
        changes.RunAsync(actor, c =>
        {
            var launch = OpenForStep(c, id, action);
            var switches = c.Session.KillSwitches.All().Where(s => s.Scope == launch.ScopeId || s.Scope == KillSwitch.GlobalScope).ToList();
            var verification = ConfigVerifier.Verify(parsed, launch.Expectations, switches, source, c.Now, c.Actor.DisplayName);
            var snapshot = verification.Snapshot;
            return RecordStep(c, launch, LaunchStepKind.ConfigVerified, verification.Checks,
                new { source, snapshot.Format, keys = snapshot.Values.Count, authKeys = snapshot.AuthKeys },
                changed => changed with { ConfigSnapshot = snapshot });
        }, ct);
}
