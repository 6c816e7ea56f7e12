// Keyboard shortcuts for the console. A component listens for the keys it names and gets them as OnKey(key) on its
// .NET object; plain keys are ignored while the person types in a field. Ctrl/Cmd-K is reported as "palette".

const typingTargets = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const pressableTargets = 'button, a, [role="switch"], [role="checkbox"], [role="button"]';

export function listen(dotnet, keys, palette) {
    const handler = e => {
        if (palette && (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
            e.preventDefault();
            dotnet.invokeMethodAsync('OnKey', 'palette');
            return;
        }

        if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || !keys.includes(e.key)) {
            return;
        }

        const target = e.target instanceof Element ? e.target : null;
        if (target && (target.closest(typingTargets) || (e.key === ' ' && target.closest(pressableTargets)))) {
            return;
        }

        e.preventDefault();
        dotnet.invokeMethodAsync('OnKey', e.key);
    };
    document.addEventListener('keydown', handler);
    return { dispose: () => document.removeEventListener('keydown', handler) };
}

// Brings an element into view and, for a field, puts the cursor in it.
export function focus(selector) {
    const element = document.querySelector(selector);
    if (!element) {
        return;
    }

    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const field = element.matches(typingTargets) ? element : element.querySelector(typingTargets);
    if (field) {
        field.focus({ preventScroll: true });
    }
}
