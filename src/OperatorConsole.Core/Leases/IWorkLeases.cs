namespace OperatorConsole.Core.Leases;

/// <summary>
/// Background work that must run on one console instance at a time (health-check schedules, console alert timers,
/// webhook deliveries, ledger sealing) is taken under a named lease. A lease not renewed within its time passes to
/// another instance, so work moves when the instance holding it dies.
/// </summary>
public interface IWorkLeases
{
    /// <summary>Takes or renews <paramref name="work"/> for this instance until now + <paramref name="duration"/>; false while another holds it.</summary>
    Task<bool> TryHoldAsync(string work, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up (on shutdown) so another instance takes the work at once.</summary>
    Task ReleaseAsync(string work, CancellationToken cancellationToken = default);
}

/// <summary>One instance over an embedded store: it holds every lease (the data file's lock already keeps others out).</summary>
public sealed class SingleInstanceLeases : IWorkLeases
{
    public Task<bool> TryHoldAsync(string work, TimeSpan duration, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task ReleaseAsync(string work, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
