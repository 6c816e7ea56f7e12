using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Alerts;

public static class AlertRuleEndpoints
{
    public static RouteGroupBuilder MapAlertRuleEndpoints(this RouteGroupBuilder alerts)
    {
        var rules = alerts.MapGroup("/rules");

        rules.MapGet("/", (AlertRuleService service) => service.List());

        rules.MapGet("/{id}", (AlertRuleService service, string id) =>
            service.Get(id) ?? throw new NotFoundException($"No alert rule '{id}'."));

        rules.MapPost("/", async (HttpContext http, AlertRuleService service, AlertRuleDraft body) =>
        {
            var rule = await service.CreateAsync(http.User.ToActor(), body);
            return Results.Created($"/api/alerts/rules/{rule.Id}", rule);
        });

        rules.MapPut("/{id}", (HttpContext http, AlertRuleService service, string id, AlertRuleDraft body) =>
            service.UpdateAsync(http.User.ToActor(), id, body));

        rules.MapDelete("/{id}", async (HttpContext http, AlertRuleService service, string id) =>
        {
            await service.DeleteAsync(http.User.ToActor(), id);
            return Results.NoContent();
        });

        rules.MapPost("/preview", (HttpContext http, AlertRuleService service, AlertRuleDraft body) =>
            service.Preview(http.User.ToActor(), body));

        return alerts;
    }
}
