using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.ConsoleAlerts;

/// <summary>
/// Sends the console's own alerts (source "console") through the same intake as every other alert: a condition that
/// appears is sent firing once, one that clears is sent resolved once. It looks again after every committed kill-switch
/// change and on a tick (rollback timers run out without any event); the ledger is verified on a slower tick, as that
/// replays the whole chain.
/// </summary>
public sealed class ConsoleAlertWatcher(
    AlertSender sender, ConsoleAlertConditions conditions, AuditService audit, ILiveEventSource live, TimeProvider clock,
    ILogger<ConsoleAlertWatcher> logger)
{
    public const string Source = "console";
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan LedgerEvery = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, IncomingAlert> _firing = new(StringComparer.Ordinal);
    private (DateTimeOffset Since, string Problem)? _ledgerProblem;
    private DateTimeOffset _ledgerVerifiedAt = DateTimeOffset.MinValue;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var switches = live.Subscribe(Topics.KillSwitches);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EvaluateAsync(verifyLedger: clock.GetUtcNow() - _ledgerVerifiedAt >= LedgerEvery, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Evaluating the console's own alerts failed; trying again in {Tick}", Tick);
            }

            while (switches.Reader.TryRead(out _))
            {
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(Task.Delay(Tick, clock, wake.Token), switches.Reader.WaitToReadAsync(wake.Token).AsTask());
            await wake.CancelAsync();
        }
    }

    /// <summary>Sends what started firing and what stopped since the last evaluation.</summary>
    public async Task EvaluateAsync(bool verifyLedger, CancellationToken cancellationToken = default)
    {
        if (verifyLedger)
        {
            VerifyLedger();
        }

        var now = clock.GetUtcNow();
        var wanted = conditions.KillSwitches().Concat(conditions.RollbackTimersRunOut())
            .Concat(_ledgerProblem is { } p ? [ConsoleAlertConditions.LedgerFailing(p.Since, p.Problem)] : [])
            .ToDictionary(a => a.Fingerprint, StringComparer.Ordinal);
        foreach (var alert in wanted.Values.Where(a => !_firing.ContainsKey(a.Fingerprint)))
        {
            if (await sender.TrySendAsync(Source, alert, cancellationToken))
            {
                _firing[alert.Fingerprint] = alert;
            }
        }

        foreach (var gone in _firing.Values.Where(a => !wanted.ContainsKey(a.Fingerprint)).ToList())
        {
            if (await sender.TrySendAsync(Source, gone with { Status = IncomingAlert.Resolved, EndsAt = now }, cancellationToken))
            {
                _firing.Remove(gone.Fingerprint);
            }
        }
    }

    private void VerifyLedger()
    {
        var verification = audit.Verify();
        _ledgerVerifiedAt = clock.GetUtcNow();
        _ledgerProblem = verification.IsValid ? null : _ledgerProblem ?? (_ledgerVerifiedAt, verification.Problem ?? "the chain does not verify");
    }
}
