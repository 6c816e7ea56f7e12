using Microsoft.AspNetCore.Components;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.KillSwitches;

/// <summary>
/// The inline flip of one switch. Core checks the reason; its field problems show under the fields instead of in a
/// toast. Turning a protective switch off takes the guarded path: a confirmation token (which checks the reason
/// first), the person's confirmation, then the flip with the token.
/// </summary>
public sealed partial class KillSwitchToggle
{
    private bool? _target;
    private string? _reason;
    private string? _incidentId;
    private IReadOnlyDictionary<string, string[]> _problems = new Dictionary<string, string[]>();
    private Permission? _permission;

    [Parameter, EditorRequired] public KillSwitch Switch { get; set; } = default!;

    [Parameter] public EventCallback OnFlipped { get; set; }

    [Inject] public required KillSwitchService Switches { get; init; }
    [Inject] public required CurrentActor Current { get; init; }
    [Inject] public required UiActions Ui { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ActorPermissions Permissions { get; init; }

    private bool Refused => _permission is { Allowed: false };

    // "pending" until Core has answered, as ActionButton does.
    private string Allowed => _permission is null ? "pending" : _permission.Allowed ? "true" : "false";

    protected override async Task OnParametersSetAsync() => _permission = await Permissions.CheckAsync(KillSwitchActions.Flip);

    private bool GuardedOff => _target == false && Switch is { On: true, Protective: true };

    private string? Problem(string field) => _problems.TryGetValue(field, out var messages) ? messages[0] : null;

    private void Begin(bool target)
    {
        (_target, _reason, _incidentId) = (target, null, null);
        _problems = new Dictionary<string, string[]>();
    }

    private void Cancel() => _target = null;

    private Task SubmitAsync() => Ui.TryAsync(async () =>
    {
        var target = _target!.Value;
        try
        {
            var actor = await Current.GetAsync();
            string? token = null;
            if (GuardedOff)
            {
                token = (await Switches.RequestDisableAsync(actor, Switch.Key, Switch.Scope, _reason)).Token;
                if (await Dialogs.ShowMessageBoxAsync(
                        "Turn off a protective switch?",
                        $"{Switch.Id} protects services while it is on. Turning it off lets them resume what it stopped. Reason: \"{_reason?.Trim()}\".",
                        yesText: "Turn it off", cancelText: "Cancel") != true)
                {
                    return;
                }
            }

            await Switches.FlipAsync(actor, Switch.Key, Switch.Scope, target, _reason, _incidentId, token);
            _target = null;
            await OnFlipped.InvokeAsync();
        }
        catch (DomainValidationException refusal) when (refusal.Errors.Count > 0)
        {
            _problems = refusal.Errors;
        }
    });
}
