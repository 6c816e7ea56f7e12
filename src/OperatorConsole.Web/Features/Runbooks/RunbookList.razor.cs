using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Runbooks;

public sealed partial class RunbookList : IDisposable
{
    private RunbookPage _page = new([], 0, 0, RunbookQuery.DefaultTake);
    private IReadOnlyList<string> _allTags = [];
    private string? _text;
    private Priority? _priority;
    private string? _tag;
    private LiveWatcher? _watcher;

    [Inject] public required RunbookService Runbooks { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }

    private bool Filtered => !string.IsNullOrWhiteSpace(_text) || _priority is not null || _tag is not null;

    private int PageCount => Math.Max(1, (_page.Total + _page.Take - 1) / _page.Take);

    private int CurrentPage => (_page.Skip / _page.Take) + 1;

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(_page.Skip); StateHasChanged(); }), DispatchExceptionAsync, Topics.Runbooks);
        Load(0);
    }

    public void Dispose() => _watcher?.Dispose();

    private void Load(int skip)
    {
        _allTags = Runbooks.Tags();
        _page = Runbooks.Search(new RunbookQuery(new RunbookFilter(_text, _priority, _tag), skip));

        // A live import or a narrower filter can leave the shown page past the end.
        if (_page.Items.Count == 0 && _page.Total > 0)
        {
            _page = Runbooks.Search(new RunbookQuery(new RunbookFilter(_text, _priority, _tag)));
        }
    }

    private void ShowPage(int page) => Load((page - 1) * _page.Take);

    private void OnTextChanged(string? text) { _text = text; Load(0); }

    private void OnPriorityChanged(Priority? priority) { _priority = priority; Load(0); }

    private void OnTagChanged(string? tag) { _tag = tag; Load(0); }
}
