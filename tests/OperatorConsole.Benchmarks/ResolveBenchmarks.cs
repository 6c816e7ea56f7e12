using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// What services ask the console most (a scope's active manifest, the kill-switch state) and what a rollback's
/// step 3 costs (a guarded rebind: token request and confirmed rebind, two acknowledged writes).
/// </summary>
public class ResolveBenchmarks
{
    private const string Scope = "bench";
    private string _folder = string.Empty;
    private ServiceProvider _services = default!;
    private ScopeService _scopes = default!;
    private KillSwitchService _killSwitches = default!;
    private int _flip;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _services = BenchmarkServices.Over(_folder);
        _scopes = _services.GetRequiredService<ScopeService>();
        _killSwitches = _services.GetRequiredService<KillSwitchService>();
        _scopes.CreateAsync(Actor.System, new ScopeDefinition(Scope, "Bench", null, false, null, null, null)).GetAwaiter().GetResult();
        foreach (var id in new[] { "bench-a", "bench-b" })
        {
            var content = Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}");
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            _scopes.RegisterManifestAsync(Actor.System, Scope, new ManifestInput(id, id, sha, sha, null, null, null, content, content, null, null))
                .GetAwaiter().GetResult();
        }

        RebindAsync("bench-a").GetAwaiter().GetResult();
        for (var i = 0; i < 8; i++)
        {
            _killSwitches.CreateAsync(Actor.System, new KillSwitchDefinition($"switch-{i}", null, "bench switch", DefaultOn: false)).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public long ResolveActiveManifest() => _scopes.Active(Scope).Version;

    [Benchmark]
    public int ReadKillSwitchState() => _killSwitches.Snapshot().Switches.Count;

    [Benchmark]
    public Task<RebindResult> GuardedRebind() => RebindAsync(++_flip % 2 == 0 ? "bench-a" : "bench-b");

    private async Task<RebindResult> RebindAsync(string manifestId)
    {
        var request = await _scopes.RequestRebindAsync(Actor.System, Scope, manifestId);
        return await _scopes.RebindAsync(Actor.System, request.Token, Scope, manifestId, "bench");
    }
}
