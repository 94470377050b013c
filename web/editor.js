// The message editor: a real <textarea> laid over the canvas where the Compose view leaves room for it, so that
// typing, selection, undo, the system clipboard, input methods (Japanese, Chinese) and right-to-left typing
// work as in any text box. Behind it, a mirror <div> with the same text and layout paints the flagged spans.
// The app (C++) places it, marks it and edits it through window.rapportEditorFor(Module, id); each editor
// ("compose", "workshop") reports text and caret changes back to the app through Module.editorInput(id, text)
// and Module.editorCaret(id, offset).
//
// The Compose draft is kept in this browser's localStorage (key "rapport.draft") so that it survives a reload;
// it is never sent anywhere.
(function () {
  "use strict";
  const instances = {};

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode or full: the draft stays in memory */ }
  }

  function create(module, id) {
    const DRAFT_KEY = id === "compose" ? "rapport.draft" : "";  // only the Compose draft is kept here
    const box = document.createElement("div");
    box.id = id === "compose" ? "editor" : "editor-" + id;
    box.className = "editor";
    box.hidden = true;
    const backdrop = document.createElement("div");
    backdrop.className = "editor-backdrop";
    backdrop.setAttribute("aria-hidden", "true");
    const area = document.createElement("textarea");
    area.className = "editor-text";
    area.spellcheck = true;
    area.setAttribute("dir", "auto");
    box.append(backdrop, area);
    let live = document.getElementById("announce");  // findings announced to screen readers
    if (!live) {
      live = document.createElement("div");
      live.id = "announce";
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.append(live);
    }
    document.body.append(box);

    let marks = [];
    let selected = -1;
    let saveTimer = 0, announceTimer = 0, lastCaret = -1;

    // The mirror: the same text, with each flagged span in a <mark>. Text nodes only: nothing is parsed as HTML.
    function paint() {
      const text = area.value;
      const frag = document.createDocumentFragment();
      let at = 0;
      const sorted = marks.slice().sort((a, b) => a.b - b.b || b.e - a.e);
      for (const m of sorted) {
        if (m.b < at || m.e > text.length || m.e <= m.b) continue;  // overlapping spans: the first one shows
        frag.append(text.slice(at, m.b));
        const el = document.createElement("mark");
        el.className = "sev-" + m.s + (m.i === selected ? " selected" : "");
        el.dataset.i = String(m.i);
        el.textContent = text.slice(m.b, m.e);
        frag.append(el);
        at = m.e;
      }
      frag.append(text.slice(at) + "\n");  // a last empty line keeps the mirror as tall as the text box
      backdrop.replaceChildren(frag);
      backdrop.scrollTop = area.scrollTop;
      backdrop.scrollLeft = area.scrollLeft;
    }

    function changed() {
      paint();
      module.editorInput(id, area.value);
      if (DRAFT_KEY) {
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => storageSet(DRAFT_KEY, area.value), 250);
      }
    }
    function caret() {
      const c = area.selectionStart;
      if (c === lastCaret) return;
      lastCaret = c;
      module.editorCaret(id, c);
    }
    area.addEventListener("input", changed);
    area.addEventListener("scroll", () => { backdrop.scrollTop = area.scrollTop; backdrop.scrollLeft = area.scrollLeft; });
    // The caret links the text to the list when the user moves it on purpose (a click, a selection, arrow
    // keys), not while typing: the list must not jump about under a writer.
    area.addEventListener("click", caret);
    area.addEventListener("select", caret);
    area.addEventListener("keyup", (e) => {
      if (/^(Arrow|Page|Home|End)/.test(e.key)) caret();
    });

    const api = {
      element: area,
      /** Places the editor over the canvas (CSS pixels) with the UI's font size. */
      show(x, y, w, h, fontPx, placeholder, label) {
        box.hidden = false;
        Object.assign(box.style, { left: x + "px", top: y + "px", width: w + "px", height: h + "px" });
        const size = fontPx + "px";
        if (area.style.fontSize !== size) { area.style.fontSize = size; backdrop.style.fontSize = size; }
        if (area.placeholder !== placeholder) area.placeholder = placeholder;
        if (area.getAttribute("aria-label") !== label) area.setAttribute("aria-label", label);
      },
      hide() { box.hidden = true; },
      /** [{b, e, s, i}]: UTF-16 spans, severity 0-2, finding index; `sel`: the finding shown as selected. */
      setMarks(list, sel) { marks = list; selected = sel; paint(); },
      /** Replaces the whole text (a draft restored, an example chosen). */
      setText(text) { area.value = text; changed(); },
      /** Replaces a span as if the user had typed it, so that Ctrl+Z undoes it. */
      replace(b, e, text) {
        area.focus();
        area.setSelectionRange(b, e);
        const undoable = document.execCommand && document.execCommand("insertText", false, text);
        if (!undoable) { area.setRangeText(text, b, e, "end"); changed(); }
      },
      /** Selects a span and scrolls it into view (a finding chosen in the list). */
      select(b, e) {
        area.focus();
        area.setSelectionRange(b, e);
        const m = backdrop.querySelector('mark[data-i="' + selected + '"]');
        if (m) area.scrollTop = Math.max(0, m.offsetTop - area.clientHeight / 3);
        backdrop.scrollTop = area.scrollTop;
      },
      focused() { return document.activeElement === area; },
      text() { return area.value; },
      copy(text) {
        const fallback = () => {
          const t = document.createElement("textarea");
          t.value = text;
          document.body.append(t);
          t.select();
          document.execCommand("copy");
          t.remove();
        };
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
        else fallback();
      },
      /** Says `text` to screen readers once typing pauses. */
      announce(text) {
        clearTimeout(announceTimer);
        announceTimer = setTimeout(() => { live.textContent = text; }, 900);
      },
    };
    const saved = DRAFT_KEY ? storageGet(DRAFT_KEY) : "";
    if (saved) { area.value = saved; setTimeout(changed, 0); }
    return api;
  }

  window.rapportEditorFor = function (module, id) {
    if (!instances[id]) instances[id] = create(module, id);
    return instances[id];
  };
})();
