// The preview's client (served by `invoke serve`, never published): reload the
// page after each rebuild where the reader was, and show a failed build over
// the page until a build succeeds. A file, not an inline script, so the site's
// Content-Security-Policy (script-src 'self') allows it unchanged.
(() => {
  "use strict";
  const SCROLL = `preview-scroll:${location.pathname}`;
  const OVERLAY = "preview-error";

  // Where the reader was, until the reloaded page has loaded: a reload that
  // comes sooner keeps this, not the top of a page still being laid out.
  let restoring = null;

  function keepScroll() {
    const where = restoring ?? [window.scrollX, window.scrollY];
    sessionStorage.setItem(SCROLL, JSON.stringify(where));
  }

  function restoreScroll() {
    const saved = sessionStorage.getItem(SCROLL);
    if (saved === null) return;
    sessionStorage.removeItem(SCROLL);
    restoring = JSON.parse(saved);
    history.scrollRestoration = "manual";
    window.scrollTo(...restoring);
    // Pictures and fonts may change the page's height until it has loaded,
    // unless the reader scrolls first: then their own place counts.
    const settle = () => {
      if (restoring !== null) window.scrollTo(...restoring);
      restoring = null;
    };
    for (const kind of ["wheel", "keydown", "touchstart"]) {
      window.addEventListener(kind, () => { restoring = null; }, { once: true, passive: true });
    }
    if (document.readyState === "complete") settle();
    else window.addEventListener("load", settle, { once: true });
  }

  function showErrors(errors) {
    clearErrors();
    const overlay = document.createElement("section");
    overlay.id = OVERLAY;
    overlay.setAttribute("role", "alert");
    const title = document.createElement("h2");
    title.textContent = "The build failed: the page shows the last good build";
    overlay.append(title);
    for (const error of errors) {
      const line = document.createElement("pre");
      line.textContent = error;
      overlay.append(line);
    }
    const hint = document.createElement("p");
    hint.textContent = "Fix the file and save: this goes away with the next good build.";
    overlay.append(hint);
    document.body.append(overlay);
  }

  function clearErrors() {
    document.getElementById(OVERLAY)?.remove();
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(
      `${scheme}://${location.host}/_preview/socket?page=${encodeURIComponent(location.pathname)}`,
    );
    socket.addEventListener("open", () => {
      window.previewConnected = true;
    });
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "reload") {
        keepScroll();
        location.reload();
      } else if (message.type === "error") {
        showErrors(message.errors);
      } else if (message.type === "ok") {
        clearErrors();
      }
    });
    socket.addEventListener("close", () => {
      window.previewConnected = false;
      setTimeout(connect, 500);
    });
  }

  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = "/_preview/overlay.css";
  document.head.append(style);
  // The script runs in the head: the page's text is there only once parsed.
  const start = () => {
    restoreScroll();
    connect();
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
