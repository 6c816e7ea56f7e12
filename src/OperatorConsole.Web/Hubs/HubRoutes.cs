namespace OperatorConsole.Web.Hubs;

public static class HubRoutes
{
    public const string Console = "/hubs/console";
}
