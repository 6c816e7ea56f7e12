using Microsoft.JSInterop;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>
/// A component's keyboard listener (wwwroot-assets/js/shortcuts.js): the keys it names arrive as <c>OnKey(key)</c> on
/// <typeparamref name="T"/>, a [JSInvokable] method. Dispose it with the component.
/// </summary>
public sealed class KeyboardShortcuts<T> : IAsyncDisposable
    where T : class
{
    private readonly IJSObjectReference _module;
    private readonly IJSObjectReference _listener;
    private readonly DotNetObjectReference<T> _target;

    internal KeyboardShortcuts(IJSObjectReference module, IJSObjectReference listener, DotNetObjectReference<T> target) =>
        (_module, _listener, _target) = (module, listener, target);

    /// <summary>Scrolls to the element and focuses it (or the field inside it).</summary>
    public ValueTask FocusAsync(string selector) => _module.InvokeVoidAsync("focus", selector);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _listener.InvokeVoidAsync("dispose");
            await _listener.DisposeAsync();
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's listeners with it.
        }

        _target.Dispose();
    }
}

/// <summary>Starts a <see cref="KeyboardShortcuts{T}"/> listener.</summary>
public static class KeyboardShortcuts
{
    /// <summary><paramref name="palette"/> also reports Ctrl/Cmd-K as the key "palette".</summary>
    public static async Task<KeyboardShortcuts<T>> ListenAsync<T>(IJSRuntime js, T component, IReadOnlyList<string> keys, bool palette = false)
        where T : class
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/shortcuts.js");
        var target = DotNetObjectReference.Create(component);
        var listener = await module.InvokeAsync<IJSObjectReference>("listen", target, keys, palette);
        return new KeyboardShortcuts<T>(module, listener, target);
    }
}
