using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Runbooks;

public sealed partial class RunbookList : IDisposable
{
    private IReadOnlyList<Runbook> _runbooks = [];
    private IReadOnlyList<string> _allTags = [];
    private bool _anyRunbooks;
    private string? _text;
    private Priority? _priority;
    private string? _tag;
    private LiveWatcher? _watcher;

    [Inject] public required RunbookService Runbooks { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Runbooks);
        Load();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Load()
    {
        var all = Runbooks.List();
        _anyRunbooks = all.Count > 0;
        _allTags = [.. all.SelectMany(r => r.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        _runbooks = [.. RunbookSearch.Apply(all, new RunbookFilter(_text, _priority, _tag))];
    }

    private void OnTextChanged(string? text) { _text = text; Load(); }

    private void OnPriorityChanged(Priority? priority) { _priority = priority; Load(); }

    private void OnTagChanged(string? tag) { _tag = tag; Load(); }
}
