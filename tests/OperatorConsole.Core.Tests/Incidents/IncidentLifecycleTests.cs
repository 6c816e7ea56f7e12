using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Core.Tests.Incidents;

public sealed class IncidentLifecycleTests
{
    /// <summary>
    /// The lifecycle written out by hand, one row per "from" status in declaration order, one column per "to":
    /// 'Y' where the move is allowed. Only forward moves are, skipping included.
    /// </summary>
    private static readonly string[] Allowed =
    [
        /* Detected     */ "-YYYYYY",
        /* Acknowledged */ "--YYYYY",
        /* Contained    */ "---YYYY",
        /* Diagnosed    */ "----YYY",
        /* Mitigated    */ "-----YY",
        /* Resolved     */ "------Y",
        /* Closed       */ "-------",
    ];

    private static readonly IncidentStatus[] Statuses = Enum.GetValues<IncidentStatus>();

    public static TheoryData<IncidentStatus, IncidentStatus, bool> EveryPair()
    {
        var data = new TheoryData<IncidentStatus, IncidentStatus, bool>();
        for (var from = 0; from < Statuses.Length; from++)
        {
            for (var to = 0; to < Statuses.Length; to++)
            {
                data.Add(Statuses[from], Statuses[to], Allowed[from][to] == 'Y');
            }
        }

        return data;
    }

    [Fact]
    public void EveryPair_CoversAllStatuses_Has49Pairs()
    {
        Assert.Equal(7, Statuses.Length);
        Assert.Equal(49, EveryPair().Count);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void CanMove_FromTo_AllowedOnlyForward(IncidentStatus from, IncidentStatus to, bool allowed)
    {
        Assert.Equal(allowed, IncidentLifecycle.CanMove(from, to));
    }

    [Theory]
    [InlineData(IncidentStatus.Detected, Role.IncidentOwner)]
    [InlineData(IncidentStatus.Acknowledged, Role.OnCall | Role.IncidentOwner)]
    [InlineData(IncidentStatus.Contained, Role.OnCall | Role.IncidentOwner)]
    [InlineData(IncidentStatus.Diagnosed, Role.IncidentOwner)]
    [InlineData(IncidentStatus.Mitigated, Role.IncidentOwner)]
    [InlineData(IncidentStatus.Resolved, Role.IncidentOwner)]
    [InlineData(IncidentStatus.Closed, Role.IncidentOwner)]
    public void RoleToMoveTo_Target_OnCallOnlyForAcknowledgedAndContained(IncidentStatus to, Role expected)
    {
        Assert.Equal(expected, IncidentLifecycle.RoleToMoveTo(to));
    }

    [Fact]
    public void RoleToMoveTo_EveryTarget_AlwaysIncludesTheOwner()
    {
        Assert.All(Statuses, to => Assert.True(IncidentLifecycle.RoleToMoveTo(to).HasFlag(Role.IncidentOwner)));
    }

    [Theory]
    [InlineData((IncidentStatus)42, IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Detected, (IncidentStatus)42)]
    [InlineData(IncidentStatus.Detected, (IncidentStatus)(-1))]
    public void CanMove_UndefinedStatus_Refused(IncidentStatus from, IncidentStatus to)
    {
        Assert.False(IncidentLifecycle.CanMove(from, to));
    }

    [Theory]
    [InlineData(IncidentStatus.Detected, false)]
    [InlineData(IncidentStatus.Acknowledged, false)]
    [InlineData(IncidentStatus.Contained, false)]
    [InlineData(IncidentStatus.Diagnosed, false)]
    [InlineData(IncidentStatus.Mitigated, false)]
    [InlineData(IncidentStatus.Resolved, true)]
    [InlineData(IncidentStatus.Closed, true)]
    public void CanReopen_Status_OnlyResolvedOrClosed(IncidentStatus from, bool allowed)
    {
        Assert.Equal(allowed, IncidentLifecycle.CanReopen(from));
    }
}
