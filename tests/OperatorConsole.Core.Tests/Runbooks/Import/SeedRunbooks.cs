using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Tests.Runbooks.Import;

/// <summary>The seed runbooks as the test output folder holds them, parsed the way an upload is.</summary>
internal static class SeedRunbooks
{
    public const string AiImmunity = "000-ai-immunity-six-sacred-rites.md";
    public const string AiSystemOperator = "001-ai-system-operator.md";
    public const string Kernels = "002-kernels-operations-playbook.md";
    public const string RealAgi = "003-real-agi-operations.md";
    public const string BinKindly = "004-binkindly-operations.md";
    public const string SelfCheck = "900-console-self-check.md";

    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seed-data", "runbooks", name));

    public static ParsedRunbook Parse(string name) => new RunbookParser().Parse(Bytes(name), name);

    public static List<RunbookStep> Steps(this ParsedRunbook runbook) => runbook.Sections.SelectMany(s => s.Steps).ToList();

    public static int Count(this ParsedRunbook runbook, StepKind kind) => runbook.Steps().Count(s => s.Kind == kind);
}
