// "Your data", driven as a user drives it: choose a broken profile in the file picker and read its errors with
// file:line:col while the markets in use keep working; drop a good profile for a new market and find it among the
// markets, after a reload too; export a profile; "Clear my data" and find everything gone. Screenshots at 1280x720
// and on a 390x844 phone go to <build>/screenshots/data-*.png.
//
// ImGui draws on a canvas, so controls are found through window.rapport.userData().anchors: the screen rectangle
// (CSS pixels) where the view last drew each named control. Clicks, file choices and drops are real browser input.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { launch, openApp, root, screenshots, serve, waitIdle } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const userData = (page) => page.evaluate(() => window.rapport.userData());
const markets = async (page) => (await page.evaluate(() => window.rapport.markets())).map((m) => m.code);
const broken = readFileSync(path.join(root, "tests/profiles/broken/08-range-out-of-scale.json"));
const fixture = readFileSync(path.join(root, "tests/profiles/fixture/AQ.json"), "utf8");

/**
 * Clicks the middle of a control the view drew, scrolling the view (mouse wheel) until it is on screen, then
 * waits until the app is idle again.
 */
async function click(page, name) {
  const [x, y, w, h] = await scrollTo(page, name);
  await page.mouse.click(x + w / 2, y + h / 2, { delay: 60 });
  await waitIdle(page, 600);
}

/** Scrolls the view (mouse wheel) until a control is on screen; returns where it is. */
async function scrollTo(page, name) {
  const { width, height } = page.viewportSize();
  for (let tries = 0; ; ++tries) {
    const { anchors } = await userData(page);
    const r = anchors[name];
    assert.ok(r, `the view shows ${name} (has: ${Object.keys(anchors).join(", ")})`);
    const [, y, , h] = r;
    const top = 110, bottom = height - 40;  // below the top bar and tabs, above the footer
    if ((y >= top && y + h <= bottom) || tries >= 12) return r;
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, y < top ? -240 : 240);
    await waitIdle(page, 400);
  }
}

/** Waits until the last attempt to load files is reported. */
async function attempted(page, names) {
  await page.waitForFunction((n) => {
    const a = window.rapport.userData().attempt;
    return a && a.files.map((f) => f.name).join("|") === n;
  }, names.join("|"), { timeout: 15000 });
  await waitIdle(page);
  return (await userData(page)).attempt;
}

/** Drops files on the canvas as the browser does when they are dragged in from the desktop. */
async function drop(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: "application/json" }));
    const canvas = document.getElementById("canvas");
    for (const type of ["dragenter", "dragover", "drop"]) {
      canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
}

test("your data: a broken profile shows its errors with positions, and the data in use stays", async () => {
  const { context, page, problems } = await openApp(browser, server.url + "?from=US&to=JP&view=data");
  await waitIdle(page);
  let d = await userData(page);
  assert.deepEqual(d.files, []);
  assert.equal(d.attempt, null);
  assert.ok(d.anchors["tab.data"] && d.anchors["data.choose"], "the tab and the picker button are drawn");
  await page.screenshot({ path: path.join(screenshots, "data-empty.png") });
  const before = await markets(page);
  assert.ok(before.includes("JP") && !before.includes("AQ"));

  // "Choose files…" opens the system's picker; the broken profile is chosen in it.
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), click(page, "data.choose")]);
  assert.ok(chooser.isMultiple());
  await chooser.setFiles({ name: "my-market.json", mimeType: "application/json", buffer: broken });
  const a = await attempted(page, ["my-market.json"]);
  assert.equal(a.ok, false);
  assert.deepEqual(a.errors, [
    "my-market.json:12:21: error: expected [low, high] from 1 to 10, found [7, 11] [at /dimensions/directness/range]",
  ]);
  assert.equal(a.files[0].status, "rejected");
  d = await userData(page);
  assert.ok(d.anchors["data.errors"], "the errors are shown in their box");
  await page.screenshot({ path: path.join(screenshots, "data-errors.png") });

  // Nothing changed: the same markets, and they still work.
  assert.deepEqual(await markets(page), before);
  const cmp = await page.evaluate(() => window.rapport.compare("US", "JP"));
  assert.equal(cmp.target, "JP");
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("rapport.userfile.")).length), 0);

  // "Copy errors" puts them on the clipboard, one per line.
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await page.bringToFront();  // the page has the focus again after the file chooser, as it does for a user
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await click(page, "data.copy_errors");
  let copied = "";
  for (let i = 0; i < 25 && !copied; ++i) {
    copied = await page.evaluate(() => navigator.clipboard.readText());
    if (!copied) await page.waitForTimeout(200);
  }
  assert.equal(copied, a.errors[0] + "\n");

  // Not a data file, and a file too large to be one: said in words, nothing read.
  const r = await page.evaluate(() => window.rapport.loadFiles([{ name: "notes.json", text: "{\"title\": \"x\"}" }]));
  assert.equal(r.ok, false);
  assert.match(r.errors[0], /^notes\.json:1:1: error: neither a profile/);
  await page.setInputFiles("#file-input", { name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(2 * 1024 * 1024 + 10, 32) });
  const big = await attempted(page, ["huge.json"]);
  assert.match(big.errors[0], /^huge\.json: error: larger than 2 MB \(2 MB\)/);

  // A kept file that no longer loads (stored by an older Rapport, say) does not stop the app: it starts with the
  // shipped data and says why here.
  await page.evaluate((text) => localStorage.setItem("rapport.userfile.culture-profiles/ZQ.json",
    JSON.stringify({ name: "zq.json", text: text.replace('"code": "AQ"', '"code": "ZQ"') })), broken.toString("utf8"));
  await page.goto(server.url + "?view=data");
  await page.waitForFunction(() => window.rapport && window.rapport.userData, null, { timeout: 30000 });
  await page.evaluate(() => window.rapport.ready);
  await waitIdle(page);
  d = await userData(page);
  assert.equal(d.attempt.at_start, true);
  assert.match(d.attempt.errors[0], /^zq\.json:12:21: error: expected \[low, high\]/);
  assert.deepEqual(d.files.map((f) => [f.name, f.status]), [["zq.json", "rejected"]]);
  assert.deepEqual(await markets(page), before);
  await page.screenshot({ path: path.join(screenshots, "data-start-error.png") });
  await click(page, "data.remove.0");
  assert.deepEqual((await userData(page)).files, []);
  assert.equal(await page.evaluate(() => localStorage.getItem("rapport.userfile.culture-profiles/ZQ.json")), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("your data: a dropped profile adds a market, survives a reload, exports, and 'Clear my data' removes it", async () => {
  const { context, page, problems } = await openApp(browser, server.url + "?from=US&to=JP&view=data");
  await waitIdle(page);
  // Files dragged over the page: it says where to drop them.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["{}"], "x.json"));
    document.getElementById("canvas").dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await waitIdle(page);
  await page.screenshot({ path: path.join(screenshots, "data-dragging.png") });
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["{}"], "x.json"));
    document.getElementById("canvas").dispatchEvent(new DragEvent("dragleave", { dataTransfer: dt, bubbles: true }));
  });

  await drop(page, [{ name: "antarctica.json", text: fixture }]);
  const a = await attempted(page, ["antarctica.json"]);
  assert.equal(a.ok, true, a.errors.join("\n"));
  let d = await userData(page);
  assert.equal(d.files.length, 1);
  assert.deepEqual([d.files[0].name, d.files[0].path, d.files[0].status, d.files[0].market_name],
                   ["antarctica.json", "culture-profiles/AQ.json", "loaded", "Test Market"]);
  // The new market is one of the From/To markets, and everything works with it.
  assert.ok((await markets(page)).includes("AQ"));
  assert.ok((await markets(page)).includes("JP"), "on top of the shipped markets");
  await page.evaluate(() => window.rapport.setMarkets("US", "AQ"));
  const cmp = await page.evaluate(() => window.rapport.compare("US", "AQ"));
  assert.equal(cmp.target, "AQ");
  const check = await page.evaluate(() => window.rapport.check("Hey, we need your decision by tomorrow.", "US", "AQ"));
  assert.ok(Array.isArray(check.findings));
  await waitIdle(page);
  await page.screenshot({ path: path.join(screenshots, "data-loaded.png") });

  // Reload (without the link's markets): the file, the market and the pair chosen with it are still there.
  await page.goto(server.url + "?view=data");
  await page.waitForFunction(() => window.rapport && window.rapport.userData, null, { timeout: 30000 });
  await page.evaluate(() => window.rapport.ready);
  await waitIdle(page);
  d = await userData(page);
  assert.equal(d.files.length, 1);
  assert.equal(d.files[0].status, "loaded");
  assert.ok((await markets(page)).includes("AQ"));
  assert.equal((await page.evaluate(() => window.rapport.compose())).to, "AQ");

  // Export: the profile exactly as loaded, named after its market.
  assert.equal(d.export_market, "AQ");
  const [download] = await Promise.all([page.waitForEvent("download"), click(page, "data.export")]);
  assert.equal(download.suggestedFilename(), "AQ.json");
  assert.equal(readFileSync(await download.path(), "utf8"), fixture);

  // Clear my data: a confirm step first; then the file, the draft and the settings are gone.
  await page.evaluate(() => localStorage.setItem("rapport.draft", "Dear Mr. Sato"));
  await click(page, "data.clear");
  d = await userData(page);
  assert.equal(d.confirm_clear, true);
  assert.ok((await markets(page)).includes("AQ"), "nothing is cleared before it is confirmed");
  await page.screenshot({ path: path.join(screenshots, "data-confirm.png") });
  await click(page, "data.clear.confirm");
  await page.waitForTimeout(600);  // the editor's last save of the emptied draft is cleared too
  d = await userData(page);
  assert.deepEqual(d.files, []);
  assert.equal(d.cleared, true, "the view says it is done");
  assert.ok(!(await markets(page)).includes("AQ"));
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("rapport."))), []);
  await page.screenshot({ path: path.join(screenshots, "data-cleared.png") });
  await page.reload();
  await page.waitForFunction(() => window.rapport && window.rapport.userData, null, { timeout: 30000 });
  await page.evaluate(() => window.rapport.ready);
  await waitIdle(page);
  assert.ok(!(await markets(page)).includes("AQ"), "still gone after a reload");
  assert.deepEqual((await userData(page)).files, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("your data on a phone", async () => {
  const { context, page, problems } = await openApp(browser, server.url + "?from=US&to=DE&view=data", { width: 390, height: 844 });
  await waitIdle(page);
  // A good profile and a broken one for another market, together: all or nothing.
  const brokenZQ = broken.toString("utf8").replace('"code": "AQ"', '"code": "ZQ"');
  await drop(page, [{ name: "antarctica.json", text: fixture }, { name: "broken.json", text: brokenZQ }]);
  const a = await attempted(page, ["antarctica.json", "broken.json"]);
  assert.equal(a.ok, false);
  assert.deepEqual(a.files.map((f) => f.status), ["held_back", "rejected"]);
  assert.match(a.errors[0], /^broken\.json:12:21: error: expected \[low, high\] from 1 to 10/);
  assert.ok(!(await markets(page)).includes("AQ"), "nothing was loaded");
  const d = await userData(page);
  for (const [name, [x, , w]] of Object.entries(d.anchors)) {
    if (name.startsWith("data.")) assert.ok(x >= 0 && x + w <= 390, `${name} fits the width`);
  }
  await page.screenshot({ path: path.join(screenshots, "data-phone.png") });
  const loaded = await page.evaluate((text) => window.rapport.loadFiles([{ name: "antarctica.json", text }]), fixture);
  assert.equal(loaded.ok, true);
  await waitIdle(page);
  await page.screenshot({ path: path.join(screenshots, "data-phone-loaded.png") });
  await scrollTo(page, "data.clear");
  await page.screenshot({ path: path.join(screenshots, "data-phone-export-clear.png") });
  assert.deepEqual(problems, []);
  await context.close();
});
