// Loaded as a module from our own origin (the CSP allows no inline script).
export function copyText(text) {
    return navigator.clipboard.writeText(text);
}
