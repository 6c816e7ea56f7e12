namespace OperatorConsole.Core.Common;

/// <summary>The five roles of DESIGN.md; one person may hold several.</summary>
[Flags]
public enum Role
{
    None = 0,
    Viewer = 1,
    OnCall = 2,
    IncidentOwner = 4,
    ReleaseOwner = 8,
    Admin = 16,
}

public static class Roles
{
    public static readonly IReadOnlyList<Role> All =
        [Role.Viewer, Role.OnCall, Role.IncidentOwner, Role.ReleaseOwner, Role.Admin];

    public static Role Parse(IEnumerable<string> names)
    {
        var result = Role.None;
        foreach (var name in names)
        {
            if (!Enum.TryParse<Role>(name, ignoreCase: true, out var role) || role == Role.None || !All.Contains(role))
            {
                throw new DomainValidationException($"Unknown role '{name}'. Known roles: {string.Join(", ", All)}.");
            }

            result |= role;
        }

        return result;
    }

    public static IEnumerable<string> Names(Role roles) =>
        All.Where(r => roles.HasFlag(r)).Select(r => r.ToString());

    /// <summary>The roles as people say them, for sentences: "on-call engineers, incident owners and admins".</summary>
    public static string Plural(Role roles)
    {
        var nouns = All.Where(r => roles.HasFlag(r)).Select(PluralOf).ToList();
        return nouns.Count <= 1 ? string.Concat(nouns) : $"{string.Join(", ", nouns[..^1])} and {nouns[^1]}";
    }

    private static string PluralOf(Role role) => role switch
    {
        Role.Viewer => "viewers",
        Role.OnCall => "on-call engineers",
        Role.IncidentOwner => "incident owners",
        Role.ReleaseOwner => "release owners",
        _ => "admins",
    };
}
