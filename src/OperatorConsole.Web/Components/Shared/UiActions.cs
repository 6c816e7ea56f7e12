using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// Runs a user's action and reports the outcome in a snackbar. Domain refusals are expected and
/// shown as they are; anything else is a fault and is logged, with a generic message for the user.
/// </summary>
public sealed class UiActions(ISnackbar snackbar, ILogger<UiActions> logger)
{
    /// <summary>A refusal the person can resolve by acting (retry after a change, confirm) is a warning; the rest are errors.</summary>
    public static Severity SeverityOf(DomainException refusal) =>
        refusal is ConflictException or ConfirmationRequiredException ? Severity.Warning : Severity.Error;

    public void Tell(string message, Severity severity = Severity.Info) =>
        snackbar.Add(message, severity, o => Toasts.ForSeverity(o, severity));

    /// <summary>Something everyone must notice (a new SEV-1): the toast stays until it is closed.</summary>
    public void Alarm(string message) => snackbar.Add(message, Severity.Error, Toasts.Alarm);

    public async Task<bool> TryAsync(Func<Task> action, string? success = null)
    {
        try
        {
            await action();
            if (success is not null)
            {
                Tell(success, Severity.Success);
            }

            return true;
        }
        catch (DomainException refusal)
        {
            Tell(refusal.Message, SeverityOf(refusal));
            return false;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "UI action failed");
            Tell("Something went wrong; the details are in the server log.", Severity.Error);
            return false;
        }
    }
}
