using OperatorConsole.Core.Common;

namespace OperatorConsole.Storage.Tests.Shared;

public static class TestActors
{
    public static readonly Actor Admin = new("ada", "Ada Admin", Role.Admin);
    public static readonly Actor Omar = new("omar", "Omar On-call", Role.OnCall);
    public static readonly Actor Olga = new("olga", "Olga On-call", Role.OnCall);
    public static readonly Actor Ines = new("ines", "Ines Incident-owner", Role.IncidentOwner);
    public static readonly Actor Viewer = new("vera", "Vera Viewer", Role.Viewer);
    public static readonly Actor Rita = new("rita", "Rita Release-owner", Role.ReleaseOwner);
}
