using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Tests.Authorization;

/// <summary>Who may reach a surface: anyone at all (<see cref="Public"/>), or signed-in callers holding one of <see cref="Roles"/>.</summary>
public sealed record Access(bool Public, Role Roles)
{
    public static readonly Access Anyone = new(true, Role.Viewer | Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner | Role.Admin);
    public static readonly Access SignedIn = new(false, Anyone.Roles);

    public static Access Only(Role roles) => new(false, roles);

    /// <summary>Whether <paramref name="caller"/> (a role, or null for anonymous and a revoked key) may reach it.</summary>
    public bool Allows(Role? caller) => caller is { } role ? Roles.HasFlag(role) : Public;

    public override string ToString() =>
        Public ? "Access.Anyone" : Roles == SignedIn.Roles ? "Access.SignedIn" : $"Access.Only({string.Join(" | ", Core.Common.Roles.Names(Roles).Select(n => "Role." + n))})";
}
