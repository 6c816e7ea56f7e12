using System.Collections.Concurrent;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>
/// Readers running while the disk fails, round after round. The store closed LiteDB's engine under running queries
/// after a failed commit, and LiteDB 5.0.20 then disposes their transactions from the closing thread: the reads threw
/// whatever LiteDB tripped over (ObjectDisposedException, "This transaction are invalid state", an
/// IndexOutOfRangeException), and a transaction left half-disposed was finalized later with "share counter must be > 0
/// in Release()", which ended the process. The race is not deterministic, so each test runs a fixed number of rounds;
/// the first failed 6 of 6 runs on the old store, and 1 in 5 runs of 100 rounds ended the test host.
/// </summary>
public sealed class ReadsWhileTheDiskFailsTests : IDisposable
{
    private const int FailuresPerRound = 3;
    private const int Readers = 4;
    private const int PageSize = 7;

    private readonly FillableDisk _disk = new();
    private readonly TestStore _store;

    public ReadsWhileTheDiskFailsTests() => _store = new TestStore(openFile: _disk.Open);

    public void Dispose() => _store.Dispose();

    [Fact]
    public Task Read_WhileCommitsFailOnAFullDisk_AnswersWholeOrUnavailableAndNoFinalizerFails() =>
        ReadWhile(rounds: 20, async (incidentId, round) =>
        {
            _disk.Full = true;
            for (var i = 0; i < FailuresPerRound; i++)
            {
                await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.Incidents.AddNoteAsync(TestActors.Omar, incidentId, $"refused-{round}-{i}"));
            }

            _disk.Full = false;
        });

    /// <summary>
    /// LiteDB closes its engine on an I/O error in a read, from the failing reader's thread, under the other readers, as
    /// the store did on a failed commit. With only that close fixed, this test failed 3 of 5 runs (an IOException out of
    /// a read), and 2 of 3 runs of a heavier version ended the test host.
    /// </summary>
    [Fact]
    public Task Read_WhileTheDiskFailsReads_AnswersWholeOrUnavailableAndNoFinalizerFails() =>
        ReadWhile(rounds: 100, async (incidentId, round) =>
        {
            // A refused write makes the store open the file afresh, so the reads below come from the disk, not a cache.
            _disk.Full = true;
            await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.Incidents.AddNoteAsync(TestActors.Omar, incidentId, $"refused-{round}"));
            _disk.Full = false;
            _disk.ReadsFail = true;
            for (var i = 0; i < FailuresPerRound; i++)
            {
                try
                {
                    _store.Store.Read(s => s.Incidents.Timeline(incidentId));
                }
                catch (StoreUnavailableException)
                {
                    // Expected while the disk fails reads, unless the pages were read before it did.
                }
            }

            _disk.ReadsFail = false;
        });

    /// <summary>Readers spin over the incident's timeline and the ledger while <paramref name="round"/> runs <paramref name="rounds"/> times.</summary>
    private async Task ReadWhile(int rounds, Func<string, int, Task> round)
    {
        var incident = await _store.Incidents.OpenAsync(TestActors.Omar, new OpenIncident("disk", IncidentClass.BadPublish, IncidentSeverity.Sev2, ["nl-ams"], "alert"));
        for (var i = 0; i < 20; i++)
        {
            await _store.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, $"kept-{i} " + new string('x', 400));
        }

        var saved = _store.Store.Read(s => s.Incidents.TimelineCount(incident.Id, null));
        var unexpected = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, Readers)
            .Select(reader => new Thread(() => ReadUntil(reader, incident.Id, saved, unexpected, stop.Token)) { IsBackground = true })
            .ToList();
        readers.ForEach(r => r.Start());

        for (var i = 0; i < rounds; i++)
        {
            await round(incident.Id, i);
        }

        await stop.CancelAsync();
        readers.ForEach(r => r.Join());

        // A transaction LiteDB left half-disposed throws from its finalizer, which ends the test host here.
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Empty(unexpected);
    }

    /// <summary>
    /// Reads one way after another until stopped. An answer must be whole: every saved note, once. A refused note may
    /// show for a moment (LiteDB shows a commit before its log write is known to have failed); that is not what this
    /// test is about.
    /// </summary>
    private void ReadUntil(int reader, string incidentId, int saved, ConcurrentQueue<string> unexpected, CancellationToken stop)
    {
        for (var read = reader; !stop.IsCancellationRequested; read++)
        {
            try
            {
                var problem = (read % 4) switch
                {
                    0 => Whole(_store.Store.Read(s => s.Incidents.Timeline(incidentId)), saved),
                    1 => Whole(Paged(incidentId), saved),
                    2 => _store.Store.Read(s => s.Incidents.Get(incidentId))?.Id == incidentId ? null : "the incident was not found",
                    _ => _store.Store.Read(s => s.Ledger.Query(new LedgerQuery(Limit: 20))).Count == 20 ? null : "a ledger page was short",
                };
                if (problem is not null)
                {
                    unexpected.Enqueue(problem);
                }
            }
            catch (StoreUnavailableException)
            {
                // The store may say so while it reopens the file.
            }
            catch (Exception ex)
            {
                unexpected.Enqueue(ex.ToString());
            }
        }
    }

    private IReadOnlyList<TimelineEntry> Paged(string incidentId)
    {
        var entries = new List<TimelineEntry>();
        TimelineCursor? before = null;
        IReadOnlyList<TimelineEntry> page;
        do
        {
            page = _store.Store.Read(s => s.Incidents.TimelineBefore(incidentId, null, before, PageSize));
            entries.AddRange(page);
            before = page.Count > 0 ? TimelineCursor.Of(page[^1]) : before;
        }
        while (page.Count == PageSize);

        return entries;
    }

    private static string? Whole(IReadOnlyList<TimelineEntry> entries, int saved) =>
        entries.Count(e => !e.Text.StartsWith("refused-", StringComparison.Ordinal)) == saved
        && entries.DistinctBy(e => e.Id).Count() == entries.Count
            ? null
            : $"a timeline of {entries.Count} entries, {saved} saved";
}
