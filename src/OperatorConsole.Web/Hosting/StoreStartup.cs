using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Web.Hosting;

public static class StoreStartup
{
    /// <summary>
    /// Opens the data file before the host starts, so a file held by another process or not writable ends the start
    /// with a message naming the file and what to do, rather than a hosting failure with a stack trace.
    /// </summary>
    public static bool TryOpenStore(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<LiteConsoleStore>();
            return true;
        }
        catch (StoreUnavailableException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return false;
        }
    }
}
