// The Compose journey: type a draft in the editor (a real text box over the canvas), see the findings, apply a
// fix (undoable), paste from and copy to the system clipboard, export the HTML report, and find the draft again
// after a reload. Screenshots go to build/wasm/screenshots/compose-*.png.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { launch, openApp, screenshots, serve, waitIdle } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const compose = (page) => page.evaluate(() => window.rapport.compose());

async function clickAnchor(page, name) {
  const c = await compose(page);
  const r = c.anchors[name];
  assert.ok(r, `the view shows ${name}`);
  // As a person does: the pointer arrives, the app notices, then the click.
  await page.mouse.move(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await waitIdle(page, 300);
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
}

// Clicks the middle of a flagged span in the text box.
async function clickMark(page, i) {
  const p = await page.evaluate((n) => {
    const r = document.querySelector(`#editor mark[data-i="${n}"]`).getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, i);
  await page.mouse.click(p.x, p.y);
}

const draft = "Hi Kenji,\n\nWe need your decision by tomorrow. Let's touch base on 03/04/2026 at 3pm.\n\nCheers,\nDana";

test("compose: type a draft, see the findings marked, apply a fix and undo it", async () => {
  const { context, page, problems } = await openApp(browser, server.url + "?from=US&to=JP");
  await page.evaluate(() => window.rapport.setView("compose"));
  const editor = page.locator("#editor textarea");
  await editor.waitFor({ state: "visible" });
  await waitIdle(page);
  await page.screenshot({ path: path.join(screenshots, "compose-empty.png") });
  await editor.click();
  await page.keyboard.type(draft, { delay: 2 });
  await waitIdle(page);
  let c = await compose(page);
  assert.equal(c.text, draft);
  const rules = c.findings.map((f) => f.rule);
  for (const expected of ["en.idiom.touch-base", "en.ambiguity.date-format"]) {
    assert.ok(rules.includes(expected), `${expected} among ${rules.join(", ")}`);
  }
  assert.ok(c.findings.some((f) => f.category === "pressure"), "the deadline is flagged as pressure");
  assert.ok(c.score < 80);
  // Each finding is marked in the mirror behind the text box, at its span.
  const marks = await page.evaluate(() => [...document.querySelectorAll("#editor mark")].map((m) => m.textContent));
  assert.ok(marks.includes("touch base"), `marks: ${marks.join(" | ")}`);
  // The findings are announced to screen readers.
  await page.waitForFunction(() => /for Japan/.test(document.getElementById("announce").textContent), null, { timeout: 5000 });
  await page.screenshot({ path: path.join(screenshots, "compose-findings.png") });

  // Apply the idiom's fix: the text changes in the editor, and Ctrl+Z undoes it like any edit.
  const i = c.findings.findIndex((f) => f.rule === "en.idiom.touch-base");
  assert.ok(c.findings[i].replacement);
  await clickMark(page, i);  // brings its card into view
  await waitIdle(page);
  await clickAnchor(page, `compose.apply.${i}`);
  await waitIdle(page);
  c = await compose(page);
  assert.ok(!c.text.includes("touch base"), c.text);
  assert.ok(c.text.includes("Let's talk"), c.text);
  assert.ok(!c.findings.some((f) => f.rule === "en.idiom.touch-base"));
  await editor.focus();
  await page.keyboard.press("Control+z");
  await waitIdle(page);
  c = await compose(page);
  assert.ok(c.text.includes("touch base"), "undo brings the original back");

  // A click on a flagged span in the text shows its finding in the list; a finding chosen in the list
  // selects its span in the text box.
  const d = c.findings.findIndex((f) => f.rule === "en.ambiguity.date-format");
  await clickMark(page, d);
  await waitIdle(page);
  c = await compose(page);
  assert.equal(c.selected, d, "the date's finding is chosen in the list");
  await editor.evaluate((t) => t.setSelectionRange(t.value.length, t.value.length));  // no finding there
  await waitIdle(page);
  await clickAnchor(page, `compose.card.${d}`);
  await waitIdle(page);
  const sel = await editor.evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(sel, "03/04/2026");
  await page.screenshot({ path: path.join(screenshots, "compose-selected.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("compose: paste from and copy to the system clipboard; never show a rule; the report; a reload keeps it all", async () => {
  const { context, page, problems } = await openApp(browser, server.url + "?from=DE&to=JP");
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await page.evaluate(() => window.rapport.setView("compose"));
  const editor = page.locator("#editor textarea");
  await editor.waitFor({ state: "visible" });
  await page.evaluate((t) => navigator.clipboard.writeText(t), "Dear Mr. Sato,\n\nPer my last email, please send the figures ASAP.\n\nBest regards,\nJonas");
  await editor.click();
  await page.keyboard.press("Control+v");
  await waitIdle(page);
  let c = await compose(page);
  assert.match(c.text, /^Dear Mr\. Sato/);
  const asap = c.findings.findIndex((f) => f.text === "ASAP");
  assert.ok(asap >= 0, "ASAP is flagged");
  // "Never show this rule": gone from this draft and the next.
  const rule = c.findings[asap].rule;
  await clickAnchor(page, `compose.disable.${asap}`);
  await waitIdle(page);
  c = await compose(page);
  assert.ok(!c.findings.some((f) => f.rule === rule));
  // Copy message puts the draft on the clipboard.
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await clickAnchor(page, "compose.copy");
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.length > 0), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), c.text);
  // The HTML report: the draft, each finding, escaped.
  const [download] = await Promise.all([page.waitForEvent("download"), clickAnchor(page, "compose.report")]);
  const html = readFileSync(await download.path(), "utf8");
  assert.match(download.suggestedFilename(), /^rapport-DE-JP\.html$/);
  assert.match(html, /<mark class="[a-z]+">Per my last email<\/mark>/i);
  assert.doesNotMatch(html, /<script/i);
  // Reload: the draft, the markets and the rule turned off are still there; nothing was sent anywhere.
  await page.reload();
  await page.waitForFunction(() => window.rapport && window.rapport.compose, null, { timeout: 30000 });
  await page.evaluate(() => window.rapport.ready);
  await page.evaluate(() => window.rapport.setView("compose"));
  await waitIdle(page);
  c = await compose(page);
  assert.match(c.text, /^Dear Mr\. Sato/);
  assert.equal(c.from, "DE");
  assert.equal(c.to, "JP");
  assert.ok(!c.findings.some((f) => f.rule === rule), "the rule stays off after a reload");
  await page.screenshot({ path: path.join(screenshots, "compose-reloaded.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("compose on a phone and on a projector", async () => {
  for (const [name, w, h] of [["phone", 390, 844], ["projector", 1280, 720]]) {
    const { context, page, problems } = await openApp(browser, server.url + "?from=US&to=DE", { width: w, height: h });
    await page.evaluate(() => window.rapport.setView("compose"));
    const editor = page.locator("#editor textarea");
    await editor.waitFor({ state: "visible" });
    await editor.fill("Hey Hans,\n\nwe need the signed contract by EOD. Thx!!!\n\nCheers");
    await waitIdle(page);
    const box = await editor.boundingBox();
    assert.ok(box.width > 0.5 * w - 40 || w < 600, "the editor takes a fair share of the width");
    assert.ok(box.x >= 0 && box.x + box.width <= w && box.y + box.height <= h, "the editor stays on screen");
    const c = await compose(page);
    assert.ok(c.findings.length >= 3);
    await page.screenshot({ path: path.join(screenshots, `compose-${name}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  }
});
