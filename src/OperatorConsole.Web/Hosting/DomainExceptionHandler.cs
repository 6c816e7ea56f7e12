using Microsoft.AspNetCore.Diagnostics;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay.Config;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Web.Hosting;

/// <summary>The status and title a kind of refusal answers with over HTTP.</summary>
public sealed record RefusalStatus(int Status, string Title);

/// <summary>Turns domain refusals into problem+json with the status a client can act on, and field problems into its <c>errors</c>.</summary>
public sealed class DomainExceptionHandler(ProblemWriter problems) : IExceptionHandler
{
    /// <summary>
    /// The one table from refusal to status. A new kind of <see cref="DomainException"/> adds its row here; a subclass
    /// without a row answers as its nearest listed base, and a test fails for any kind in Core without its own row.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, RefusalStatus> Statuses = new Dictionary<Type, RefusalStatus>
    {
        [typeof(DomainException)] = new(StatusCodes.Status400BadRequest, "Refused"),
        [typeof(DomainValidationException)] = new(StatusCodes.Status400BadRequest, "The request is not valid"),
        [typeof(AccessDeniedException)] = new(StatusCodes.Status403Forbidden, "Not allowed"),
        [typeof(NotFoundException)] = new(StatusCodes.Status404NotFound, "Not found"),
        [typeof(ConflictException)] = new(StatusCodes.Status409Conflict, "Conflict"),
        [typeof(PayloadTooLargeException)] = new(StatusCodes.Status413PayloadTooLarge, "The request body is too large"),
        [typeof(LockedDownException)] = new(StatusCodes.Status423Locked, "The console is in emergency lockdown"),
        [typeof(ConfirmationRequiredException)] = new(StatusCodes.Status428PreconditionRequired, "Confirmation required"),
        [typeof(AlertmanagerException)] = new(StatusCodes.Status502BadGateway, "Alertmanager did not accept the request"),
        [typeof(ConfigFetchException)] = new(StatusCodes.Status502BadGateway, "The production config could not be fetched"),
        [typeof(StoreUnavailableException)] = new(StatusCodes.Status503ServiceUnavailable, "The console cannot save changes right now"),
    };

    public static RefusalStatus StatusOf(DomainException refusal)
    {
        for (var type = refusal.GetType(); ; type = type.BaseType!)
        {
            if (Statuses.TryGetValue(type, out var status))
            {
                return status;
            }
        }
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException refusal)
        {
            return false;
        }

        var (status, title) = StatusOf(refusal);
        var errors = refusal is DomainValidationException invalid ? invalid.Errors : null;
        return await problems.WriteAsync(httpContext, exception, status, title, refusal.Message, errors);
    }
}
