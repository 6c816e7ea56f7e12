// Keeps an incident's static page live without a Blazor circuit (issue 14): someone who only watches an incident gets
// the page server-rendered, and this script listens on the console hub with the sign-in cookie. On a change to the
// incident, to lockdown, or to the shell's SEV-1 banners it asks the server for the page again by enhanced navigation to
// the same address (the DOM is patched in place; query and scroll stay). Changes that arrive during a refresh make one
// more refresh. Loaded on every static page; it acts only where the page has a [data-incident-watch] element (which
// names the topics), and follows enhanced navigation between pages.
(() => {
    "use strict";

    const pausedText = "Live updates paused; reconnecting…";
    const refreshTimeoutMs = 15000;

    let connection = null;
    let incident = null; // the incident subscribed to, or null
    let subscribed = []; // its topics
    let state = "off"; // "off", "connecting", "live" or "paused"
    let retryTimer = 0;
    let failures = 0;
    let refreshing = false;
    let again = false;
    let refreshTimer = 0;

    const watchRoot = () => document.querySelector("[data-incident-watch]");
    const words = value => (value || "").split(" ").filter(w => w.length > 0);
    const backoff = n => Math.min(30000, 1000 * 2 ** Math.min(n, 5)) * (0.5 + Math.random() / 2);

    // The server's render knows nothing of the connection: after every render the marker and status line are set again.
    function show() {
        const root = watchRoot();
        if (root) {
            root.dataset.live = state === "live" ? "ready" : state;
        }

        const status = document.querySelector("[data-testid=live-status]");
        if (status) {
            const text = state === "paused" ? pausedText : "";
            if (status.textContent !== text) {
                status.textContent = text;
            }
        }
    }

    function setState(next) {
        state = next;
        show();
    }

    function refresh() {
        if (refreshing) {
            again = true;
            return;
        }

        refreshing = true;
        again = false;
        // A refresh that fails never ends in "enhancedload"; the timer ends it then, so live updates do not stop for good.
        refreshTimer = setTimeout(refreshDone, refreshTimeoutMs);
        Blazor.navigateTo(location.href, { replaceHistoryEntry: true });
    }

    function refreshDone() {
        clearTimeout(refreshTimer);
        refreshing = false;
        if (again) {
            refresh();
        }
    }

    // "incidents" tells of every incident: besides this one's changes, only those that may add a SEV-1 banner or change one
    // shown matter here. Every change of the incident's own topic and of lockdown does.
    function onEvent(e) {
        if (e.topic !== "incidents" || e.subject === incident || mayChangeSev1Banners(e)) {
            refresh();
        }
    }

    function mayChangeSev1Banners(e) {
        const root = watchRoot();
        return (root !== null && words(root.dataset.sev1Kinds).includes(e.kind))
            || [...document.querySelectorAll("[data-sev1]")].some(banner => banner.dataset.sev1 === e.subject);
    }

    async function subscribe(id, topics) {
        for (const topic of topics) {
            await connection.invoke("Subscribe", topic);
        }

        incident = id;
        subscribed = topics;
        setState("live");
        // What changed between the server's render and the subscription would otherwise show only with the next change.
        refresh();
    }

    async function unsubscribe() {
        const topics = incident === null ? [] : subscribed;
        incident = null;
        subscribed = [];
        if (connection.state === signalR.HubConnectionState.Connected) {
            for (const topic of topics) {
                await connection.invoke("Unsubscribe", topic);
            }
        }
    }

    function scheduleStart(delay) {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(start, delay);
    }

    async function start() {
        const root = watchRoot();
        if (!root || connection.state !== signalR.HubConnectionState.Disconnected) {
            return;
        }

        try {
            await connection.start();
            failures = 0;
            await subscribe(root.dataset.incidentWatch, words(root.dataset.topics));
        } catch {
            failures++;
            setState("paused");
            if (connection.state !== signalR.HubConnectionState.Disconnected) {
                await connection.stop(); // onclose schedules the next start
            } else {
                scheduleStart(backoff(failures));
            }
        }
    }

    function create() {
        connection = new signalR.HubConnectionBuilder()
            .withUrl(new URL("hubs/console", document.baseURI).href)
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: c => backoff(c.previousRetryCount) })
            .build();
        connection.on("event", onEvent);
        connection.onreconnecting(() => setState("paused"));
        // A reconnection is a new connection: its subscriptions are made again, and the page read again for what was missed.
        connection.onreconnected(async () => {
            const [id, topics] = [incident, subscribed];
            incident = null;
            try {
                await subscribe(id, topics);
            } catch {
                await connection.stop();
            }
        });
        connection.onclose(() => {
            incident = null;
            if (watchRoot()) {
                setState("paused");
                scheduleStart(backoff(++failures));
            }
        });
    }

    // A server render without a circuit cannot ask the browser its time zone: it reads it from this cookie
    // (BrowserClock.ZoneCookie), so the refresh after subscribing already shows local times.
    function rememberTimeZone() {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
            document.cookie = `oc-tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; SameSite=Strict`;
        }
    }

    // After each enhanced navigation or refresh: keep watching the same incident, switch to another, or stop.
    async function follow() {
        const root = watchRoot();
        const wanted = root ? root.dataset.incidentWatch : null;
        if (wanted === null) {
            clearTimeout(retryTimer);
            state = "off";
            if (connection) {
                await connection.stop();
            }
            return;
        }

        if (!connection) {
            rememberTimeZone();
            create();
        }

        if (connection.state === signalR.HubConnectionState.Disconnected) {
            if (state === "off") {
                setState("connecting");
            }
            scheduleStart(0);
        } else if (incident !== null && incident !== wanted) {
            try {
                await unsubscribe();
                await subscribe(wanted, words(root.dataset.topics));
            } catch {
                await connection.stop();
            }
        }

        show();
    }

    Blazor.addEventListener("enhancedload", () => {
        refreshDone();
        follow();
    });
    follow();
})();
