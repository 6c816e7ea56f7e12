using OperatorConsole.Testing;

namespace OperatorConsole.E2E.Shared;

/// <summary>Programs of the solution that the tests run as processes from their own build folder (same configuration as the tests).</summary>
public static class BuiltProgram
{
    /// <summary>The built <c>{name}.dll</c> of the project in <paramref name="projectFolder"/> (relative to the solution).</summary>
    public static string Path(string projectFolder, string name)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        return System.IO.Path.Combine(RepositoryFiles.Root(), projectFolder, "bin", configuration, "net10.0", name + ".dll");
    }
}
