namespace OperatorConsole.Core.Common;

/// <summary>
/// Thrown by <see cref="Change.Refuse"/> to stop a change; <see cref="ChangeRunner"/> catches it inside the write,
/// commits the 'denied' entry it describes and then throws <see cref="Refusal"/> to the caller.
/// </summary>
internal sealed class ChangeRefusal(string action, string subject, object payload, Exception refusal) : Exception(refusal.Message)
{
    public string Action { get; } = action;

    // The subject often carries caller input; a control character in it must not turn the refusal into an error.
    public string Subject { get; } = new(subject.Where(ch => !char.IsControl(ch)).ToArray());

    public object Payload { get; } = payload;

    public Exception Refusal { get; } = refusal;
}
