namespace OperatorConsole.Web.Features.HostAdmin;

/// <summary>How an operator creates the first Admin of a console that has none (said at startup and on the login page).</summary>
public static class FirstAdmin
{
    public const string Command = "dotnet run --project src/OperatorConsole.Web -- admin create-user --user NAME --roles Admin (the password is read from standard input)";
}
