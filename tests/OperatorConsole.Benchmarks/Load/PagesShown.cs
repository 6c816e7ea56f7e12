using System.Collections.Concurrent;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>How many pages showed each flip; a page tells by calling a function the tool exposed to it.</summary>
internal sealed class PagesShown(int pages)
{
    private readonly ConcurrentDictionary<int, Showing> _flips = new();

    /// <summary>Called (on Playwright's thread) by a page that has shown its <paramref name="n"/>th change.</summary>
    public void Saw(int n) => Of(n).Saw(pages);

    /// <summary>Completes once every page has shown its <paramref name="n"/>th change.</summary>
    public Task AllAsync(int n) => Of(n).All.Task;

    private Showing Of(int n) => _flips.GetOrAdd(n, _ => new Showing());

    private sealed class Showing
    {
        private int _pages;

        public TaskCompletionSource All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Saw(int pages)
        {
            if (Interlocked.Increment(ref _pages) == pages)
            {
                All.TrySetResult();
            }
        }
    }
}
