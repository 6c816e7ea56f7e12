using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Features.Scopes;

namespace OperatorConsole.Web.Features.Releases;

/// <summary>
/// Releases per scope (the default model slot and every scope that has releases, Core's <see cref="ReleaseService.Overview"/>),
/// live. Each control asks Core's Permissions whether the person may use it; Core checks every action again.
/// </summary>
public sealed partial class ReleasesPage : IDisposable
{
    private IReadOnlyList<ScopeReleases>? _slots;
    private IReadOnlyList<string> _scopeIds = [];
    private LiveWatcher? _watcher;

    [Inject] public required ReleaseService Releases { get; init; }
    [Inject] public required ScopeService Scopes { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Releases, Topics.Scopes);
        Load();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Load()
    {
        _scopeIds = [.. Scopes.List().Select(s => s.Id)];
        _slots = Releases.Overview();
    }

    private async Task<bool> RegisterAsync(ReleaseInput input)
    {
        var done = await Ui.TryAsync(async () => await Releases.RegisterAsync(await Current.GetAsync(), input), $"Registered {input.Version} in staging.");
        Load();
        return done;
    }

    private Task SetCandidateAsync(Release release) => Act(
        async actor => await Releases.SetCandidateAsync(actor, release.ScopeId, release.Version), $"{release.Version} is the candidate; shadow evaluation started.");

    private Task RetireAsync(Release release) => Act(
        async actor => await Releases.RetireAsync(actor, release.ScopeId, release.Version, "Retired from the releases page"), $"{release.Version} retired.");

    private Task SetCanaryAsync(ModelSlotStatus slot, double? ratio) => Act(
        async actor => await Releases.SetCanaryRatioAsync(actor, slot.ScopeId, ratio), $"Canary ratio of {slot.ScopeId} set.");

    /// <summary>Requests the token first (so a refusal shows before the dialog); it stays here, behind the dialog.</summary>
    private Task PromoteAsync(ModelSlotStatus slot) => Ui.TryAsync(async () =>
    {
        var actor = await Current.GetAsync();
        var candidate = slot.Candidate ?? throw new ConflictException($"{slot.ScopeId} has no candidate.");
        var request = await Releases.RequestPromoteAsync(actor, slot.ScopeId);
        if (!await PromoteDialog.AskAsync(Dialogs, slot, candidate, Scopes.Get(slot.ScopeId)?.ResolverProbeUrl, request.ExpiresAt))
        {
            return;
        }

        var promoted = await Releases.PromoteAsync(actor, request.Token, slot.ScopeId);
        Ui.Tell($"{promoted.Version} is in production; post-deploy check {(promoted.PostDeployCheck?.Passed == true ? "passed" : "FAILED")}.",
            promoted.PostDeployCheck?.Passed == true ? Severity.Success : Severity.Warning);
        Load();
    });

    private Task RollbackAsync(ModelSlotStatus slot) => Ui.TryAsync(async () =>
    {
        var actor = await Current.GetAsync();
        var request = await Releases.RequestRollbackAsync(actor, slot.ScopeId);
        var reason = await RebindDialog.AskAsync(Dialogs, slot.ScopeId, slot.Active, slot.LastKnownGood!, slot.LastKnownGood!.Id, request.ExpiresAt, askReason: true);
        if (reason is null)
        {
            return;
        }

        await Releases.RollbackAsync(actor, request.Token, slot.ScopeId, reason);
        Ui.Tell($"{slot.ScopeId} is back on {slot.LastKnownGood.Id}.", Severity.Success);
        Load();
    });

    private async Task Act(Func<Actor, Task> action, string success)
    {
        await Ui.TryAsync(async () => await action(await Current.GetAsync()), success);
        Load();
    }
}
