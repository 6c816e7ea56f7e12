// Loaded as a module from our own origin (the CSP allows no inline script).
// Browser notifications for a new SEV-1 and an engaged lockdown, only after the person opted in.
const asked = "oc-notifications-asked";

// "granted", "denied", "ask" (never asked here) or "asked" (asked once and left undecided), or "unsupported".
export function state() {
    if (!("Notification" in window)) return "unsupported";
    if (Notification.permission !== "default") return Notification.permission;
    return localStorage.getItem(asked) ? "asked" : "ask";
}

export async function ask() {
    localStorage.setItem(asked, "1");
    return await Notification.requestPermission();
}

export function show(title, body, tag) {
    if ("Notification" in window && Notification.permission === "granted") {
        new Notification(title, { body, tag });
    }
}
