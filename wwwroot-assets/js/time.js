// Loaded as a module from our own origin (the CSP allows no inline script).
// The browser's IANA time zone, e.g. "Europe/Lisbon": the console shows times in it.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
