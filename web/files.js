// The user's own data files ("Your data"): a file picker (<input type=file multiple accept=.json>) the app opens
// from its "Choose files…" button, and files dropped anywhere on the page. Each file is read here as UTF-8 text
// and handed to the app (Module.userFiles) with the name it has; one over 2 MB, or not UTF-8, is not read, and the
// app says why. Nothing is uploaded: the files stay on this device (the app keeps those it accepts in
// localStorage, keys "rapport.userfile.<path>").
(function () {
  "use strict";
  const MAX_BYTES = 2 * 1024 * 1024;  // keep in step with kMaxUserFileBytes (src/web/user_data.h)
  let module = null;
  let depth = 0;  // dragenter/dragleave come in pairs over every element crossed

  const input = document.createElement("input");
  input.type = "file";
  input.id = "file-input";
  input.multiple = true;
  input.accept = ".json,application/json";
  input.hidden = true;
  input.tabIndex = -1;
  document.body.append(input);

  async function read(file) {
    if (file.size > MAX_BYTES) return { name: file.name, problem: "too_large", size: file.size };
    try {
      const bytes = await file.arrayBuffer();
      return { name: file.name, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
    } catch (e) {
      // TextDecoder throws a TypeError on bytes that are not UTF-8; a file that went away, something else.
      return { name: file.name, problem: e instanceof TypeError ? "not_utf8" : "unreadable", size: file.size };
    }
  }

  async function deliver(list) {
    const files = Array.from(list || []);
    if (!files.length || !module) return;
    const entries = await Promise.all(files.map(read));
    module.userFiles(JSON.stringify(entries));
  }

  input.addEventListener("change", () => {
    const chosen = Array.from(input.files);
    input.value = "";  // the same file can be chosen again after it was fixed
    deliver(chosen);
  });

  // Files dragged over the page: the app shows where to drop them. A drop is always taken, so that the browser
  // never leaves the app to open the file; text dragged within the page is left alone.
  const hasFiles = (e) => !!e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
  function dragging(on) { if (module) module.userFilesDragging(on); }
  window.addEventListener("dragenter", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (depth++ === 0) dragging(true);
  });
  window.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = module ? "copy" : "none";
  });
  window.addEventListener("dragleave", (e) => {
    if (!hasFiles(e)) return;
    if (--depth <= 0) {
      depth = 0;
      dragging(false);
    }
  });
  window.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    dragging(false);
    deliver(e.dataTransfer.files);
  });

  window.rapportFiles = {
    /** Called by the loader once the app runs: from then on, dropped files go to it. */
    attach(mod) { module = mod; },
    /** Opens the system's file picker (the app's "Choose files…"; a click's user activation is still fresh). */
    open(mod) {
      module = mod;
      input.click();
    },
  };
})();
