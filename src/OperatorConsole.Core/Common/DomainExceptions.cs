namespace OperatorConsole.Core.Common;

/// <summary>
/// A refusal: the console declines the request and says why; the message is safe to show to the person refused.
/// The API maps each kind to one status (Web/Hosting/DomainExceptionHandler.cs) and the UI shows the message
/// (UiActions); anything that is not a DomainException is a fault. A new kind of refusal derives from this class.
/// </summary>
public abstract class DomainException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Input that breaks a rule; the message is safe to show to the user. <see cref="Errors"/> optionally names the
/// fields at fault, keyed by the API's camelCase field names, so a client can put each problem next to its field.
/// </summary>
public class DomainValidationException(string message, IReadOnlyDictionary<string, string[]>? errors = null) : DomainException(message)
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    /// <summary>Problems per field; empty when the refusal is not about particular fields.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? None;

    /// <summary>Refuses with every field problem; the message joins them in order, for callers that only show text.</summary>
    public static DomainValidationException ForFields(IReadOnlyList<FieldProblem> problems) =>
        new(string.Join(" ", problems.Select(p => p.Message)), FieldProblem.ByField(problems));
}

/// <summary>One rule a field breaks; <see cref="Field"/> is the API's camelCase name of the field.</summary>
public sealed record FieldProblem(string Field, string Message)
{
    /// <summary>The problems grouped by field, fields and messages in the order they were found.</summary>
    public static IReadOnlyDictionary<string, string[]> ByField(IEnumerable<FieldProblem> problems) =>
        problems.GroupBy(p => p.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
}

/// <summary>The actor lacks the role an action needs.</summary>
public sealed class AccessDeniedException(string message) : DomainException(message);

/// <summary>The thing named does not exist (or the actor may not know it does).</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The change lost a race or contradicts the current state (e.g. a step already checked).</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>
/// The console is in emergency lockdown and the action is a management action; the message says since when, by whom
/// and why, so the person refused knows whom to ask. Release the lockdown first.
/// </summary>
public sealed class LockedDownException(string message) : DomainException(message);

/// <summary>The body is larger than the endpoint accepts; nothing of it was kept.</summary>
public sealed class PayloadTooLargeException(string message) : DomainException(message);

/// <summary>The action is guarded: ask for a confirmation token first and send it with the action.</summary>
public sealed class ConfirmationRequiredException(string message) : DomainException(message);
