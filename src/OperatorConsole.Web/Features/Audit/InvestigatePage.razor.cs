using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Features.Audit;

public sealed partial class InvestigatePage
{
    private LedgerInvestigation? _result;
    private string? _from;
    private string? _to;
    private string? _error;

    [Inject] public required AuditService Audit { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override void OnInitialized()
    {
        // Defaults are shown in the fields, so the person sees exactly which range was investigated;
        // "to" is rounded up to the minute so the shown text covers everything up to now.
        var now = Clock.GetUtcNow();
        var nextMinute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1);
        var (from, to) = UtcRangeInput.Parse(null, null, nextMinute);
        _from = UtcRangeInput.Format(from);
        _to = UtcRangeInput.Format(to);
        _result = Audit.Investigate(from, to);
    }

    private void Apply()
    {
        _error = null;
        try
        {
            var (from, to) = UtcRangeInput.Parse(_from, _to, Clock.GetUtcNow());
            _result = Audit.Investigate(from, to);
        }
        catch (DomainValidationException ex)
        {
            // Keep the last good result on screen; the message says what to fix.
            _error = ex.Message;
        }
    }
}
