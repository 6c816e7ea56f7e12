namespace OperatorConsole.Core.Common;

/// <summary>Who is making a change: a signed-in person or an API key acting for a service.</summary>
public sealed record Actor(string Id, string DisplayName, Role Roles)
{
    /// <summary>Changes the console makes on its own (seeding at first start).</summary>
    public static readonly Actor System = new("system", "OperatorConsole", Role.Admin | Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner);

    public bool HasAny(Role anyOf) => (Roles & anyOf) != Role.None;
}
