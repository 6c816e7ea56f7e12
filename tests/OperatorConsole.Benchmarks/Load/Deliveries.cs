namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Matches what each client saw against the flips the tool made. With <c>exact</c> (push) every flip's own version
/// must arrive, in order; otherwise (polling) a flip counts as seen when a client first sees it or any later version.
/// </summary>
internal sealed record Deliveries(List<double> Milliseconds, int Lost, int Reordered)
{
    public static Deliveries Of(FleetResult result, IReadOnlyList<Flip> flips, bool exact)
    {
        var milliseconds = new List<double>(result.Seen.Length * flips.Count);
        var lost = 0;
        var reordered = 0;
        foreach (var client in result.Seen)
        {
            for (var i = 1; i < client.Length; i++)
            {
                if (client[i][0] <= client[i - 1][0])
                {
                    reordered++;
                }
            }

            foreach (var flip in flips)
            {
                var match = Array.Find(client, e => exact ? e[0] == flip.Version : e[0] >= flip.Version);
                if (match is null)
                {
                    lost++;
                }
                else
                {
                    milliseconds.Add(flip.MillisecondsTo(match[1]));
                }
            }
        }

        return new Deliveries(milliseconds, lost, reordered);
    }

    public Latency? Latency => Load.Latency.Of(Milliseconds);

    public int Missing => Lost + Reordered;
}
