using System.Globalization;
using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Audit;

public sealed partial class LedgerPage : IDisposable
{
    private IReadOnlyList<LedgerEntry> _entries = [];
    private LedgerVerification? _verification;
    private LedgerQuery _query = new(Limit: 300);
    private string? _from;
    private string? _to;
    private string? _actor;
    private string? _action;
    private string? _filterError;
    private bool _verifying;
    private LiveWatcher? _watcher;

    [Inject] public required AuditService Audit { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }

    protected override void OnInitialized()
    {
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { _entries = Audit.Query(_query); StateHasChanged(); }), DispatchExceptionAsync, Topics.Ledger);
        _entries = Audit.Query(_query);
    }

    public void Dispose() => _watcher?.Dispose();

    private void Apply()
    {
        _filterError = null;
        if (!TryParseUtc(_from, out var from) || !TryParseUtc(_to, out var to))
        {
            _filterError = "Write times as yyyy-MM-dd HH:mm (UTC).";
            return;
        }

        _query = new LedgerQuery(from, to, _actor, _action, Limit: 300);
        _entries = Audit.Query(_query);
    }

    private async Task VerifyAsync()
    {
        _verifying = true;
        _verification = await Task.Run(Audit.Verify);
        _verifying = false;
    }

    private static bool TryParseUtc(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed);
        value = ok ? parsed : null;
        return ok;
    }
}
