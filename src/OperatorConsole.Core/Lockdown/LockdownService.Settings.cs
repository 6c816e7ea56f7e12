using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Lockdown;

public sealed partial class LockdownService
{
    /// <summary>Admin only: the URL may carry a secret of the receiving side, so nobody else reads it.</summary>
    public Task<LockdownSettings> SettingsAsync(Actor actor) => changes.RunAsync(actor, c =>
    {
        c.Require(LockdownActions.SettingsRead, "console:lockdown-settings");
        return c.Session.Lockdown.Settings();
    });

    /// <summary>Admin only: the alert webhook URL (empty turns it off). A management action, so refused in lockdown.</summary>
    public async Task<LockdownSettings> SetAlertWebhookAsync(Actor actor, string? url)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(LockdownActions.Settings, "console:lockdown-settings");
            var stored = LockdownAlertWebhook.Validate(url);

            var settings = new LockdownSettings(stored, c.Actor.Id, c.Now);
            c.Session.Lockdown.Save(settings);
            var entry = c.Record(LockdownActions.Settings, "console:lockdown-settings", new
            {
                alertWebhook = stored is null ? null : LockdownAlertWebhook.Describe(stored),
            });
            c.Publish(Topics.Lockdown, LockdownEvents.SettingsChanged, "settings", "Alert webhook changed", entry.Sequence);
            return settings;
        });
    }
}
