using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>What a release owner gives to start launch day for a release; expectations may follow later.</summary>
public sealed record LaunchInput(string? ReleaseId, ConfigExpectations? Expectations);

/// <summary>
/// A launch as one viewer sees it: the record, the gate as evaluated now, and for each step, each sign-off area and the
/// archive whether this viewer may do it now and, when not, the sentence saying why.
/// </summary>
public sealed record LaunchView(
    Launch Launch,
    LaunchGate Gate,
    IReadOnlyDictionary<LaunchStepKind, Permission> Steps,
    IReadOnlyDictionary<SignOffArea, Permission> SignOffs,
    Permission Archive,
    bool Complete);

/// <summary>The completed launch and its sealed evidence bundle.</summary>
public sealed record LaunchArchive(Launch Launch, PreservedBundle Bundle);
