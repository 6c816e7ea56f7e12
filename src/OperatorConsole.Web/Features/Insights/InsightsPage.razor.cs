using System.Globalization;
using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Insights;

namespace OperatorConsole.Web.Features.Insights;

/// <summary>The range lives in the URL (?from=…&amp;to=…) so a view can be shared; Core computes every number.</summary>
public sealed partial class InsightsPage
{
    private InsightsReport? _report;
    private string? _problem;
    private string? _from;
    private string? _to;

    [Inject] public required InsightsService Insights { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    protected override void OnParametersSet()
    {
        InsightsRange range;
        try
        {
            range = Insights.Range(From, To);
            _problem = null;
        }
        catch (DomainValidationException ex)
        {
            _problem = ex.Message + " Showing the last twelve weeks.";
            range = Insights.Range(null, null);
        }

        _from = Day(range.From);
        _to = Day(range.To);
        _report = Insights.Report(range);
    }

    private void Apply() =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["from"] = _from, ["to"] = _to }));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
