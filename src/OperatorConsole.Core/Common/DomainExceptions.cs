namespace OperatorConsole.Core.Common;

/// <summary>Input that breaks a rule; the message is safe to show to the user.</summary>
public class DomainValidationException(string message) : Exception(message);

/// <summary>The actor lacks the role an action needs.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The change lost a race or contradicts the current state (e.g. a step already checked).</summary>
public sealed class ConflictException(string message) : Exception(message);
