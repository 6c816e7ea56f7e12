using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Releases;

public sealed partial class ReleaseDetailPage : IDisposable
{
    private Release? _release;
    private Manifest? _manifest;
    private bool _missing;
    private bool _busy;
    private List<BreadcrumbItem> _crumbs = [];
    private LiveWatcher? _watcher;

    [Parameter] public string Id { get; set; } = string.Empty;

    [Inject] public required ReleaseService Releases { get; init; }
    [Inject] public required ScopeService Scopes { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }

    protected override void OnParametersSet()
    {
        _watcher?.Dispose();
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Releases);
        Load();
    }

    public void Dispose() => _watcher?.Dispose();

    private async Task SimulateShadowAsync()
    {
        _busy = true;
        try
        {
            await Ui.TryAsync(
                async () => await Releases.SimulateShadowCyclesAsync(await Current.GetAsync(), _release!.ScopeId),
                "Shadow cycles reported (simulated); the candidate can now go to canary or be promoted.");
            Load();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Load()
    {
        _release = Releases.List().FirstOrDefault(r => r.Id == Id);
        _missing = _release is null;
        _manifest = _release is null ? null : Scopes.Manifest(_release.Id);
        _crumbs = [new("Releases", "releases"), new(Id, null, disabled: true)];
    }
}
