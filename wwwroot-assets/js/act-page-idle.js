// Gives an idle incident page with controls back to watching (issue 14): that page holds a circuit of ~900 KB on the
// server for as long as it is open, the incident's watch page ~30 KB. Once the page has had no input for as long as its
// "Watch only" link says (data-idle-return-after, in ms), and nothing is typed in it and no dialog or list is open, it
// loads the watch page. Idle time counts from the moment its circuit is up; while typed text holds it, the link is
// marked data-idle-held. Loaded on every page, so it also
// serves a page reached by enhanced or in-circuit navigation; it acts only where the link is.
(() => {
    "use strict";

    const checkEveryMs = 1000;
    const notTyped = ["hidden", "checkbox", "radio", "button", "submit", "reset", "file"];

    let lastInput = Date.now();
    const touched = () => { lastInput = Date.now(); };
    for (const type of ["pointerdown", "keydown", "input", "wheel", "touchstart", "focusin"]) {
        document.addEventListener(type, touched, { capture: true, passive: true });
    }

    const typedText = () => Array.from(document.querySelectorAll("main input, main textarea")).some(field =>
        !field.readOnly && !field.disabled && !notTyped.includes(field.type) && field.value.trim() !== "");
    const somethingOpen = () => document.querySelector(".mud-dialog, .mud-popover-open") !== null;

    setInterval(() => {
        const link = document.querySelector("a[data-idle-return-after]");
        if (!link || !document.querySelector("[data-testid=circuit-up]")) {
            // Not on such a page, or its circuit is not up yet: its idle time starts once it is live.
            touched();
            return;
        }

        if (Date.now() - lastInput < Number(link.dataset.idleReturnAfter)) {
            return;
        }

        if (typedText() || somethingOpen()) {
            link.dataset.idleHeld = "true";
            return;
        }

        location.replace(link.href);
    }, checkEveryMs);
})();
