using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;
using OperatorConsole.Testing;
using Xunit.Abstractions;

namespace OperatorConsole.Web.Tests.Crash;

/// <summary>
/// The crash suite: the real console as a child process, four writers opening incidents over HTTP with an API key,
/// SIGKILL once a random number of writes was acknowledged, restart on the same file, and again. At the end every
/// acknowledged incident is in the file and the ledger verifies. Three rounds by default; set OC_CRASH_ROUNDS for more.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 4;
    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-crash-").FullName;

    private string DataFile => Path.Combine(_folder, "console.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task KillHard_DuringConcurrentWrites_EveryAcknowledgedWriteSurvivesAndTheLedgerVerifies()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("OC_CRASH_ROUNDS"), out var asked) && asked > 0 ? asked : 3;
        var key = await CreateWriterKeyAsync();
        var acknowledged = new ConcurrentBag<string>();
        var tried = 0;
        for (var round = 0; round < rounds; round++)
        {
            using var child = await ChildConsole.StartAsync(DataFile, Path.Combine(_folder, "logs"));
            using var client = new HttpClient { BaseAddress = child.BaseAddress };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var killAfter = acknowledged.Count + Random.Shared.Next(5, 40);
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    Interlocked.Increment(ref tried);
                    var id = await TryOpenIncidentAsync(client, $"crash round {round} writer {w} write {i}");
                    if (id is null)
                    {
                        return;
                    }

                    acknowledged.Add(id);
                }
            })).ToList();
            while (acknowledged.Count < killAfter && !writers.All(t => t.IsCompleted))
            {
                await Task.WhenAny(writers.Append(Task.Delay(10)));
            }

            child.KillHard();
            await Task.WhenAll(writers);
        }

        var (missing, verification, distinct) = Inspect(acknowledged);
        output.WriteLine($"rounds {rounds}, tried {tried}, acknowledged {acknowledged.Count}, lost {missing.Count}, ledger entries {verification.EntryCount}");
        Assert.Empty(missing);
        Assert.Equal(acknowledged.Count, distinct);
        Assert.True(verification.IsValid, verification.Problem);
    }

    /// <summary>The incident id when the console acknowledged the write, null once it stopped answering.</summary>
    private static async Task<string?> TryOpenIncidentAsync(HttpClient client, string title)
    {
        try
        {
            using var response = await IncidentWrites.OpenAsync(client, title);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await ConsoleHost.ReadAsync<Incident>(response)).Id;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private Task<string> CreateWriterKeyAsync() => OfflineConsole.CreateApiKeyAsync(DataFile, Role.OnCall);

    private (List<string> Missing, LedgerVerification Verification, int Distinct) Inspect(IReadOnlyCollection<string> acknowledged)
    {
        using var services = OfflineConsole.Services(DataFile);
        var store = services.GetRequiredService<LiteConsoleStore>();
        return store.Read(s => (
            acknowledged.Where(id => s.Incidents.Get(id) is null).ToList(),
            LedgerVerifier.Verify(s.Ledger.All()),
            acknowledged.Distinct(StringComparer.Ordinal).Count()));
    }
}
