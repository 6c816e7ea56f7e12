using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Releases;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.LaunchDay;

/// <summary>Every launch with where it stands, live; the create form and the duty card appear for whom Permissions allows.</summary>
public sealed partial class LaunchesPage : IDisposable
{
    private IReadOnlyList<LaunchRow>? _rows;
    private IReadOnlyList<Release> _launchable = [];
    private Permission _canCreate = Permission.Granted;
    private Permission _canAssign = Permission.Granted;
    private LiveWatcher? _watcher;

    [Inject] public required LaunchService Launches { get; init; }
    [Inject] public required ReleaseService Releases { get; init; }
    [Inject] public required Core.Common.Permissions Permissions { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync,
            Topics.Launches, Topics.Releases, Topics.Rollbacks, Topics.KillSwitches, Topics.Alerts);
        var actor = await Current.GetAsync();
        _canCreate = Permissions.Check(actor, LaunchActions.Create);
        _canAssign = Permissions.Check(actor, LaunchActions.SetDuties);
        Load();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Load()
    {
        var launches = Launches.List();
        _rows = [.. launches.Select(l => new LaunchRow(l, Launches.Gate(l.Id)))];
        var launched = launches.Select(l => l.ReleaseId).ToHashSet(StringComparer.Ordinal);
        _launchable = [.. Releases.List().Where(r => !launched.Contains(r.Id))];
    }

    /// <summary>Returns the field problems Core found (empty when created: the page moves to the new dashboard).</summary>
    private async Task<IReadOnlyDictionary<string, string[]>> CreateAsync(LaunchInput input)
    {
        try
        {
            var launch = await Launches.CreateAsync(await Current.GetAsync(), input);
            Navigation.NavigateTo($"launches/{launch.Id}");
            return new Dictionary<string, string[]>();
        }
        catch (DomainValidationException refusal) when (refusal.Errors.Count > 0)
        {
            return refusal.Errors;
        }
        catch (DomainException refusal)
        {
            Ui.Tell(refusal.Message, UiActions.SeverityOf(refusal));
            return new Dictionary<string, string[]>();
        }
    }

    private sealed record LaunchRow(Launch Launch, LaunchGate Gate);
}
