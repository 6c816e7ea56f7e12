using System.Globalization;
using Microsoft.AspNetCore.Components;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Live;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Features.Audit;

/// <summary>
/// The ledger, one page at a time (a long ledger is never one tall table). Filters and the page number are read from
/// the address and written back to it, so a link or a reload shows the same view.
/// </summary>
public sealed partial class LedgerPage : IDisposable
{
    public const int PageSize = 50;

    private IReadOnlyList<LedgerEntry> _entries = [];
    private bool _hasOlder;
    private LedgerVerification? _verification;
    private LedgerQuery _query = new(Limit: PageSize + 1);
    private string? _from;
    private string? _to;
    private string? _actor;
    private string? _action;
    private string? _subject;
    private string? _filterError;
    private bool _verifying;
    private LiveWatcher? _watcher;

    [Inject] public required AuditService Audit { get; init; }
    [Inject] public required ILiveEventSource Live { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "actor")] public string? ActorFilter { get; set; }
    [SupplyParameterFromQuery(Name = "action")] public string? ActionFilter { get; set; }
    [SupplyParameterFromQuery(Name = "subject")] public string? SubjectFilter { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }

    private int CurrentPage => Math.Max(1, Page ?? 1);

    protected override void OnInitialized() =>
        _watcher = LiveWatcher.Start(Live, _ => InvokeAsync(() => { Load(); StateHasChanged(); }), DispatchExceptionAsync, Topics.Ledger);

    protected override void OnParametersSet()
    {
        (_from, _to, _actor, _action, _subject) = (From, To, ActorFilter, ActionFilter, SubjectFilter);
        _filterError = null;
        if (!TryParseUtc(_from, out var from) || !TryParseUtc(_to, out var to))
        {
            _filterError = "Write times as yyyy-MM-dd HH:mm (UTC).";
            return;
        }

        _query = new LedgerQuery(from, to, _actor, _action, _subject, Limit: PageSize + 1, Skip: (CurrentPage - 1) * PageSize);
        Load();
    }

    public void Dispose() => _watcher?.Dispose();

    private void Load()
    {
        var found = Audit.Query(_query);
        _hasOlder = found.Count > PageSize;
        _entries = [.. found.Take(PageSize)];
    }

    private void Apply()
    {
        if (!TryParseUtc(_from, out _) || !TryParseUtc(_to, out _))
        {
            _filterError = "Write times as yyyy-MM-dd HH:mm (UTC).";
            return;
        }

        Nav.NavigateTo(Href(1));
    }

    private string PageHref(int page) => Href(page, From, To, ActorFilter, ActionFilter, SubjectFilter);

    private string Href(int page) => Href(page, _from, _to, _actor, _action, _subject);

    private string Href(int page, string? from, string? to, string? actor, string? action, string? subject) =>
        Nav.GetUriWithQueryParameters(Nav.ToAbsoluteUri("ledger").ToString(), new Dictionary<string, object?>
        {
            ["from"] = Blank(from),
            ["to"] = Blank(to),
            ["actor"] = Blank(actor),
            ["action"] = Blank(action),
            ["subject"] = Blank(subject),
            ["page"] = page > 1 ? page : null,
        });

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
