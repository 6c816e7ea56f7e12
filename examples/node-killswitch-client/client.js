// Follows OperatorConsole kill switches from Node with the official @microsoft/signalr client and an API key.
// The key goes in accessTokenFactory, the client's standard way: it is sent as "Authorization: Bearer <key>" on the
// negotiate request and on the WebSocket. See README.md.
import * as signalR from "@microsoft/signalr";

const consoleUrl = process.env.CONSOLE_URL ?? "http://127.0.0.1:5080";
const apiKey = process.env.CONSOLE_API_KEY;
if (!apiKey) {
  console.error("Set CONSOLE_API_KEY to an API key (any role) created under Admin > API keys.");
  process.exit(2);
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl(new URL("/hubs/console", consoleUrl).toString(), { accessTokenFactory: () => apiKey })
  .withAutomaticReconnect()
  .configureLogging(signalR.LogLevel.Warning)
  .build();

let lastVersion = 0;

function show(s, why) {
  console.log(`[${why}] ${s.key}@${s.scope} is ${s.on ? "ON" : "off"} (v${s.version})`);
  lastVersion = Math.max(lastVersion, s.version);
}

// Subscribing sends the full state first, on every (re)connect.
connection.on("kill-switches.state", (snapshot) => {
  snapshot.switches.forEach((s) => show(s, "state"));
  lastVersion = snapshot.version;
  console.log(`following kill switches from version ${lastVersion} (Ctrl+C to stop)`);
});

// Events are handled one after the other, so lines keep the order the console sent them in.
let handled = Promise.resolve();
connection.on("event", (event) => {
  handled = handled.then(() => onEvent(event)).catch((error) => console.error(`could not read a change: ${error}`));
});

async function onEvent(event) {
  if (event.topic !== "kill-switches") {
    return;
  }

  // A kill-switch event carries the switch's new state; a console that does not send it yet is asked what changed.
  if (event.state && typeof event.state.on === "boolean") {
    show(event.state, event.kind);
    return;
  }

  const changes = await connection.invoke("GetKillSwitches", lastVersion);
  changes.switches.forEach((s) => show(s, event.kind));
  lastVersion = changes.version;
}

connection.onreconnecting((error) => console.error(`connection lost (${error?.message ?? "no reason"}); reconnecting`));
connection.onreconnected(() => connection.invoke("Subscribe", "kill-switches"));

async function stop() {
  await connection.stop();
  process.exit(0);
}

process.on("SIGINT", stop);
process.on("SIGTERM", stop);

try {
  await connection.start();
  await connection.invoke("Subscribe", "kill-switches");
} catch (error) {
  // A wrong key is a 401 on negotiate; exit non-zero so a supervisor notices.
  console.error(`cannot follow kill switches at ${consoleUrl}: ${error.message ?? error}`);
  process.exit(1);
}
