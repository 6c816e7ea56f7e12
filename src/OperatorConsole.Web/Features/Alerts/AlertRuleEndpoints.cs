using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Alerts;

public static class AlertRuleEndpoints
{
    public static RouteGroupBuilder MapAlertRuleEndpoints(this RouteGroupBuilder alerts)
    {
        var rules = alerts.MapGroup("/rules");

        rules.MapGet("/", (AlertRuleService service) => service.List())
            .WithSummary("List the alert routing rules (the matrix)");

        rules.MapGet("/{id}", (AlertRuleService service, string id) =>
            service.Get(id) ?? throw new NotFoundException($"No alert rule '{id}'."))
            .WithSummary("One alert routing rule");

        rules.MapPost("/", async (HttpContext http, AlertRuleService service, AlertRuleDraft body) =>
        {
            var rule = await service.CreateAsync(http.User.ToActor(), body);
            return Results.Created($"/api/alerts/rules/{rule.Id}", rule);
        }).WithSummary("Create an alert routing rule");

        rules.MapPut("/{id}", (HttpContext http, AlertRuleService service, string id, AlertRuleDraft body) =>
            service.UpdateAsync(http.User.ToActor(), id, body))
            .WithSummary("Edit an alert routing rule");

        rules.MapDelete("/{id}", async (HttpContext http, AlertRuleService service, string id) =>
        {
            await service.DeleteAsync(http.User.ToActor(), id);
            return Results.NoContent();
        }).WithSummary("Delete an alert routing rule");

        rules.MapPost("/preview", (HttpContext http, AlertRuleService service, AlertRuleDraft body) =>
            service.Preview(http.User.ToActor(), body))
            .WithSummary("Preview which recent alerts a draft rule would match");

        return alerts;
    }
}
