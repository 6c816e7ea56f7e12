using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Web.Hosting;

public static class StoreStartup
{
    /// <summary>
    /// Opens the store before the host starts, so a data file held by another process or not writable, or a PostgreSQL
    /// server that cannot be reached or refuses the console, ends the start with a message naming it and what to do,
    /// rather than a hosting failure with a stack trace.
    /// </summary>
    public static bool TryOpenStore(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IConsoleStore>();
            return true;
        }
        catch (StoreUnavailableException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return false;
        }
    }
}
