namespace OperatorConsole.Testing;

/// <summary>The repository the tests run from, for tests that compare the app with its own source files.</summary>
public static class RepositoryFiles
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OperatorConsole.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OperatorConsole.sln not found above the test output.");
    }
}
