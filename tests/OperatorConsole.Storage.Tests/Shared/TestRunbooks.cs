using System.Text;

namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>Small Markdown runbooks: two manual steps and a probe against the console's own address.</summary>
public static class TestRunbooks
{
    public const string DrillSlug = "failover-drill";

    public static byte[] Drill(string extraStep = "") => Encoding.UTF8.GetBytes($$"""
        ---
        title: Failover drill
        priority: P1
        tags: [drill]
        ---

        # Failover drill

        ## Steps

        1. Announce the drill in the team channel.
        2. Confirm the dashboard shows the standby as healthy.{{extraStep}}

        Let the console probe its liveness endpoint:

        ```probe
        GET /health/live
        expect 200
        timeout 2000
        ```
        """);
}
