using System.CommandLine;
using System.Text.Json;
using OperatorConsole.Cli.Common;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Cli.Commands;

/// <summary><c>opsctl incidents list|open|note|transition</c>.</summary>
public static class IncidentsCommand
{
    public static Command Create(CliContext context) =>
        new("incidents", "Incidents.") { List(context), Open(context), Note(context), Transition(context) };

    private static Command List(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "Include closed incidents." };
        var list = new Command("list", "Open incidents (every incident with --all).") { all };
        list.SetAction(async (parse, ct) =>
        {
            using var api = Opsctl.Api(context);
            var incidents = (await api.GetAsync("/api/incidents", ct)).EnumerateArray()
                .Where(i => parse.GetValue(all) || i.Str("status") != nameof(IncidentStatus.Closed)).ToList();
            Output.Write(parse, context, incidents, items => items.Select(Line));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Open(CliContext context)
    {
        var title = new Option<string>("--title", "-t") { Description = "What is wrong.", Required = true };
        var severity = new Option<IncidentSeverity>("--severity") { Description = "Sev1, Sev2 or Sev3.", Required = true };
        var kind = new Option<IncidentClass>("--class") { Description = "The incident class.", DefaultValueFactory = _ => IncidentClass.Other };
        var scopes = new Option<string[]>("--scope", "-s") { Description = "An affected scope (repeatable).", AllowMultipleArgumentsPerToken = false };
        var open = new Command("open", "Open an incident; prints it (its id first in text mode).") { title, severity, kind, scopes };
        open.SetAction(async (parse, ct) =>
        {
            using var api = Opsctl.Api(context);
            var body = new OpenIncident(parse.GetValue(title)!, parse.GetValue(kind), parse.GetValue(severity), parse.GetValue(scopes) ?? [], "opsctl");
            var incident = await api.PostAsync("/api/incidents", body, ct);
            Output.Write(parse, context, incident, i => [Line(i)]);
            return ExitCodes.Ok;
        });
        return open;
    }

    private static Command Note(CliContext context)
    {
        var id = new Argument<string>("INCIDENT") { Description = "The incident's id." };
        var text = new Argument<string>("TEXT") { Description = "The note." };
        var note = new Command("note", "Add a note to an incident's timeline.") { id, text };
        note.SetAction(async (parse, ct) =>
        {
            using var api = Opsctl.Api(context);
            var added = await api.PostAsync($"/api/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}/notes", new { Text = parse.GetValue(text) }, ct);
            Output.Write(parse, context, added, _ => [$"noted on {parse.GetValue(id)}"]);
            return ExitCodes.Ok;
        });
        return note;
    }

    private static Command Transition(CliContext context)
    {
        var id = new Argument<string>("INCIDENT") { Description = "The incident's id." };
        var to = new Option<IncidentStatus>("--to") { Description = "The status to move to.", Required = true };
        var reason = new Option<string?>("--reason", "-r") { Description = "Why; some moves require one." };
        var transition = new Command("transition", "Move an incident to another status.") { id, to, reason };
        transition.SetAction(async (parse, ct) =>
        {
            using var api = Opsctl.Api(context);
            var moved = await api.PostAsync(
                $"/api/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}/status", new { To = parse.GetValue(to), Reason = parse.GetValue(reason) }, ct);
            Output.Write(parse, context, moved, i => [Line(i)]);
            return ExitCodes.Ok;
        });
        return transition;
    }

    private static string Line(JsonElement i) => $"{i.Str("id")}\t{i.Str("severity")}\t{i.Str("status")}\t{i.Str("title")}";
}
