// Rapport's page loader: shows progress, starts the WebAssembly app, and exposes the engine to page
// JavaScript as window.rapport (see web/README.md). Nothing is sent anywhere: every file comes from this site.
(function () {
  "use strict";
  const statusBox = document.getElementById("status");
  const statusText = document.getElementById("status-text");
  let catalog = {};

  function text(key, fallback) { return catalog[key] || fallback; }
  function fail(detail) {
    statusBox.classList.remove("hidden");
    statusBox.classList.add("error");
    statusText.textContent = detail === "webgl"
      ? text("web.error.webgl", "Rapport needs WebGL 2.")
      : text("web.error.load", "Rapport could not start: {detail}").replace("{detail}", String(detail));
  }

  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  ready.catch(() => {});  // a failed start is shown on the page; no unhandled rejection
  window.rapport = { ready };

  window.addEventListener("rapport-fatal", (e) => { fail(e.detail); rejectReady(new Error(e.detail)); });
  window.addEventListener("rapport-ready", () => statusBox.classList.add("hidden"));

  fetch("i18n/en.json").then((r) => r.json()).then((c) => { catalog = c; })
    .catch(() => {}).finally(() => { if (!statusBox.classList.contains("error")) statusText.textContent = text("web.loading", ""); });

  if (!document.createElement("canvas").getContext("webgl2")) {
    fail("webgl");
    rejectReady(new Error("webgl"));
    return;
  }

  createRapportModule({
    canvas: document.getElementById("canvas"),
    printErr: (line) => console.warn(line),
    onAbort: (what) => { fail(what); rejectReady(new Error(String(what))); },
  }).then((mod) => {
    Object.assign(window.rapport, {
      /** {rapport, icu, unicode, tzdata}: versions of the engine and the data it uses. */
      version: () => mod.version(),
      /** Formats a date (ms since 1970) in a locale, calendar and IANA time zone, e.g. ("he-IL", "hebrew"). */
      formatDate: (ms, locale, calendar, timeZone) => mod.formatDate(ms, locale, calendar, timeZone),
      /** [{code, name}]: the markets with a profile. */
      markets: () => JSON.parse(mod.marketsJson()),
      /** The comparison of two markets: per-dimension ranges and gaps, friction points with advice; null if unknown. */
      compare: (from, to) => JSON.parse(mod.compareJson(from, to)),
      /**
       * Checks a drafted message from one market to another. Options: {channel: "email"|"chat"|"sms",
       * stage: "first"|"ongoing"|"close"}. Spans are UTF-16 offsets, as JavaScript strings count.
       */
      check: (text, from, to, options = {}) =>
        JSON.parse(mod.checkJson(String(text), from, to, options.channel || "email", options.stage || "first")),
      /**
       * Compose as last drawn: {text, from, to, language, score, selected, findings: [{rule, category, severity,
       * begin, end (UTF-16), text, replacement}], anchors: {name: [x, y, w, h]}}.
       */
      compose: () => JSON.parse(mod.composeJson()),
      /**
       * Workshop as last drawn: {markets, page, presenting, exercise, text, remaining, problems: [{category, text,
       * remains}], new_findings, exercises: [ids], anchors}.
       */
      workshop: () => JSON.parse(mod.workshopJson()),
      /** The Cultures view's year calendar of the target market: {market, year, entries: [{name, start, end, kind, impact}]}. */
      calendar: () => JSON.parse(mod.calendarJson()),
      /** Shows the comparison of two markets in the app (as the From and To pickers do). */
      setMarkets: (from, to) => mod.setMarkets(from, to),
      /** Shows a view: "compose", "meeting", "cultures", "workshop", "about" or "data". */
      setView: (view) => mod.setView(String(view)),
      /** The Meeting planner as last drawn: {form, when, findings, slots, ics_filename, anchors}. */
      meeting: () => JSON.parse(mod.meetingJson()),
      /** Sets fields of the Meeting planner's form (as meeting().form has them); false if `form` is no object. */
      setMeeting: (form) => mod.setMeetingJson(JSON.stringify(form)),
      /**
       * Loads data files as "Your data" does (all or nothing, on top of the shipped data; kept in this browser):
       * [{name, text}] -> {ok, errors: ["file:line:col: error: ... [at /path]"], files: [{name, path, market, status}]}.
       */
      loadFiles: (files) => JSON.parse(mod.userFiles(JSON.stringify(files))),
      /** "Your data" as last drawn: {files, attempt, errors, markets, export_market, confirm_clear, anchors}. */
      userData: () => JSON.parse(mod.userDataJson()),
    });
    if (window.rapportFiles) window.rapportFiles.attach(mod);  // files dropped on the page go to the app now
    // A link can carry the markets (never any text typed): ?from=US&to=DE
    const params = new URLSearchParams(location.search);
    const from = (params.get("from") || "").toUpperCase(), to = (params.get("to") || "").toUpperCase();
    if (/^[A-Z]{2}$/.test(from) && /^[A-Z]{2}$/.test(to)) mod.setMarkets(from, to);
    const view = params.get("view");  // ?view=meeting opens the Meeting planner
    if (["compose", "meeting", "cultures", "workshop", "about", "data"].includes(view)) mod.setView(view);
    resolveReady(window.rapport);
  }, (err) => { fail(err && err.message ? err.message : err); rejectReady(err); });
})();
