using System.Text.RegularExpressions;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Outbound;

/// <summary>
/// The Admin's outbound allow-list: which non-public destinations the console may reach. Every change is a management
/// action (Admin only, refused in lockdown) and is written to the ledger with who opened what and why.
/// </summary>
public sealed partial class OutboundService(ChangeRunner changes)
{
    public const int MaxNote = 200;
    private const string Subject = "console:outbound";

    public async Task<OutboundAllowList> AllowListAsync(Actor actor)
    {
        await changes.CheckAsync(actor, c => c.Require(OutboundActions.Read, Subject));
        return changes.Store.Read(s => s.Outbound.AllowList());
    }

    /// <summary>Opens an address block (e.g. 10.20.0.0/16) or a host name (e.g. grafana.internal).</summary>
    public async Task<OutboundRule> AllowAsync(Actor actor, string? target, string? note)
    {
        await changes.CheckAsync(actor, c => c.Require(OutboundActions.Allow, Subject));
        var normalised = Normalise(target);
        var trimmedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmedNote is { Length: > MaxNote } || trimmedNote?.Any(char.IsControl) == true)
        {
            throw DomainValidationException.ForFields([new FieldProblem("note", $"The note is at most {MaxNote} characters, without control characters.")]);
        }

        return await changes.RunAsync(actor, c =>
        {
            c.Require(OutboundActions.Allow, Subject);
            var list = c.Session.Outbound.AllowList();
            if (list.Find(normalised) is not null)
            {
                throw new ConflictException($"{normalised} is already on the outbound allow-list.");
            }

            var rule = new OutboundRule(normalised, trimmedNote, c.Actor.Id, c.Now);
            c.Session.Outbound.Save(new OutboundAllowList([.. list.Rules, rule]));
            c.Record(OutboundActions.Allow, Subject, new { target = normalised, note = trimmedNote });
            return rule;
        });
    }

    public async Task RemoveAsync(Actor actor, string? target)
    {
        await changes.RunAsync(actor, c =>
        {
            c.Require(OutboundActions.Remove, Subject);
            var list = c.Session.Outbound.AllowList();
            var rule = list.Find((target ?? string.Empty).Trim()) ?? throw new NotFoundException($"'{Printable(target)}' is not on the outbound allow-list.");
            c.Session.Outbound.Save(new OutboundAllowList([.. list.Rules.Where(r => r != rule)]));
            c.Record(OutboundActions.Remove, Subject, new { target = rule.Target });
            return true;
        });
    }

    private static string Normalise(string? target)
    {
        var text = (target ?? string.Empty).Trim();
        if (IpNetwork.TryParse(text, out var network))
        {
            return network.ToString();
        }

        var name = text.TrimEnd('.').ToLowerInvariant();
        return HostName().IsMatch(name)
            ? name
            : throw DomainValidationException.ForFields([new FieldProblem("target",
                "Give an address block such as 10.20.0.0/16 or fd00:ec2::/32, an address, or a host name such as grafana.internal.")]);
    }

    private static string Printable(string? text) => new([.. (text ?? string.Empty).Where(ch => !char.IsControl(ch)).Take(80)]);

    [GeneratedRegex("^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex HostName();
}
