using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using OperatorConsole.Core.Overview;
using OperatorConsole.Web.Components.Shared;

namespace OperatorConsole.Web.Components.Layout;

/// <summary>
/// Go anywhere by typing: the fixed pages and actions that match, then what Core's <see cref="ConsoleSearch"/> finds.
/// Opens on Ctrl/Cmd-K; "?" opens the list of shortcuts.
/// </summary>
public sealed partial class CommandPalette : IAsyncDisposable
{
    /// <summary>Every shortcut, as the help lists it.</summary>
    public static readonly IReadOnlyList<(string Keys, string What)> Shortcuts =
    [
        ("Ctrl+K / ⌘K", "Open the command palette: go to an incident, runbook, switch or page, or start an action"),
        ("?", "Show these shortcuts"),
        ("j / k", "Run page: next / previous step"),
        ("Space", "Run page: check off the current step"),
        ("n", "Run page: write a note on the current step"),
        ("Esc", "Close the palette or this help"),
    ];

    private bool _open;
    private bool _help;
    private string? _text;
    private int _selected;
    private IReadOnlyList<PaletteEntry> _entries = PaletteEntry.Fixed;
    private KeyboardShortcuts<CommandPalette>? _keys;

    [Inject] public required ConsoleSearch Finder { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }

    [JSInvokable]
    public Task OnKey(string key) => InvokeAsync(() =>
    {
        if (key == "palette")
        {
            Open();
        }
        else if (key == "?" && !_open)
        {
            _help = true;
        }
        else if (key == "Escape")
        {
            (_open, _help) = (false, false);
        }

        StateHasChanged();
    });

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _keys = await KeyboardShortcuts.ListenAsync(Js, this, ["?", "Escape"], palette: true);
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_keys is not null)
        {
            await _keys.DisposeAsync();
        }
    }

    private void Open()
    {
        (_open, _help) = (true, false);
        Search(null);
    }

    private void Close() => _open = false;

    private void Search(string? text)
    {
        _text = text;
        _selected = 0;
        var wanted = text?.Trim() ?? string.Empty;
        _entries = wanted.Length == 0
            ? PaletteEntry.Fixed
            : [.. PaletteEntry.Fixed.Where(e => e.Title.Contains(wanted, StringComparison.OrdinalIgnoreCase)),
               .. Finder.Find(wanted).Select(PaletteEntry.From)];
    }

    private void KeyDownAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowDown":
                _selected = Math.Min(_selected + 1, _entries.Count - 1);
                break;
            case "ArrowUp":
                _selected = Math.Max(_selected - 1, 0);
                break;
            case "Enter" when _entries.Count > 0:
                Close();
                Nav.NavigateTo(_entries[Math.Clamp(_selected, 0, _entries.Count - 1)].Href);
                break;
            case "Escape":
                Close();
                break;
        }
    }
}
