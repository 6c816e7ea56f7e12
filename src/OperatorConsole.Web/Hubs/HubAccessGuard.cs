using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Hubs;

/// <summary>
/// A hub connection is authenticated once, when it opens; this keeps it honest afterwards. Every invocation re-checks
/// the caller's key, user and session, and a sweep every <see cref="SessionCheckOptions.RevalidateEvery"/> closes the
/// connections of revoked keys, disabled users and ended sessions even when they only listen.
/// </summary>
public sealed class HubAccessGuard(SessionService sessions, IOptions<SessionCheckOptions> options, ILogger<HubAccessGuard> logger)
    : BackgroundService, IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!StillAllowed(invocationContext.Context))
        {
            throw new HubException("Your access has ended (key revoked, user disabled or signed out); the connection is closed.");
        }

        return await next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _open[context.Context.ConnectionId] = context.Context;
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevalidateEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var connection in _open.Values)
                {
                    StillAllowed(connection);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private bool StillAllowed(HubCallerContext connection)
    {
        if (sessions.Current(connection.User ?? new()) is not null)
        {
            return true;
        }

        logger.LogInformation("Closing hub connection {ConnectionId} of {ActorId}: access ended", connection.ConnectionId, connection.UserIdentifier);
        connection.Abort();
        return false;
    }
}
