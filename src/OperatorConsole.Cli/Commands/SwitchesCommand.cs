using System.CommandLine;
using System.Text.Json;
using OperatorConsole.Cli.Common;

namespace OperatorConsole.Cli.Commands;

/// <summary><c>opsctl switches list</c> and <c>opsctl switches flip KEY --scope S --reason R [--on|--off]</c>.</summary>
public static class SwitchesCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "Every kill switch with its state and version.");
        list.SetAction(async (parse, ct) =>
        {
            using var api = Opsctl.Api(context);
            var snapshot = await api.GetAsync("/api/kill-switches", ct);
            Output.Write(parse, context, snapshot, s => s.GetProperty("switches").EnumerateArray().Select(Line));
            return ExitCodes.Ok;
        });

        var key = new Argument<string>("KEY") { Description = "The switch's key." };
        var scope = new Option<string>("--scope", "-s") { Description = "The scope of the switch.", DefaultValueFactory = _ => "global" };
        var reason = new Option<string>("--reason", "-r") { Description = "Why; recorded in the ledger.", Required = true };
        var on = new Option<bool>("--on") { Description = "Turn the switch on (default: the opposite of its current state)." };
        var off = new Option<bool>("--off") { Description = "Turn the switch off." };
        var incident = new Option<string?>("--incident") { Description = "The incident the flip belongs to." };
        var flip = new Command("flip", "Turn a switch on or off.") { key, scope, reason, on, off, incident };
        flip.Validators.Add(r =>
        {
            if (r.GetValue(on) && r.GetValue(off))
            {
                r.AddError("Give --on or --off, not both.");
            }
        });
        flip.SetAction(async (parse, ct) =>
        {
            using var api = Opsctl.Api(context);
            var path = $"/api/kill-switches/{Uri.EscapeDataString(parse.GetValue(key)!)}";
            var query = $"?scope={Uri.EscapeDataString(parse.GetValue(scope)!)}";
            var target = parse.GetValue(on) || (!parse.GetValue(off) && !(await api.GetAsync(path + query, ct)).GetProperty("on").GetBoolean());
            var flipped = await api.PostAsync($"{path}/flip{query}", new { On = target, Reason = parse.GetValue(reason), IncidentId = parse.GetValue(incident) }, ct);
            Output.Write(parse, context, flipped, f => [Line(f.GetProperty("switch"))]);
            return ExitCodes.Ok;
        });

        return new Command("switches", "Kill switches.") { list, flip };
    }

    private static string Line(JsonElement s) =>
        $"{s.Str("key")}@{s.Str("scope")}\t{(s.GetProperty("on").GetBoolean() ? "ON" : "off")}\tv{s.Str("version")}\t{s.Str("description")}";
}
