// The app shell: it starts, shows the engine's versions and today's dates, renders crisply at each pixel ratio,
// follows resizes, draws nothing while idle, and exposes window.rapport.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { assertIdle, framesDrawn, launch, openApp, screenshots, serve, waitIdle } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

for (const dpr of [1, 2, 3]) {
  test(`starts and renders at devicePixelRatio ${dpr}`, async () => {
    const { context, page, problems } = await openApp(browser, server.url, { dpr });
    await waitIdle(page);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById("canvas");
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
    });
    // The canvas fills the window and has one device pixel per screen pixel.
    assert.equal(canvas.cssW, 1280);
    assert.equal(canvas.cssH, 720);
    assert.equal(canvas.w, 1280 * dpr);
    assert.equal(canvas.h, 720 * dpr);
    await page.screenshot({ path: path.join(screenshots, `shell-dpr${dpr}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("window.rapport exposes the engine's versions and ICU's calendars", async () => {
  const { context, page, problems } = await openApp(browser, server.url);
  const v = await page.evaluate(() => window.rapport.version());
  assert.match(v.rapport, /^\d+\.\d+\.\d+$/);
  assert.equal(v.icu, "72.1");
  assert.equal(v.unicode, "15.0");
  assert.match(v.tzdata, /^20\d\d[a-z]$/);
  assert.ok(v.tzdata >= "2025a", `time zone data ${v.tzdata} is current`);
  // Yom Kippur 2026, formatted by ICU inside WebAssembly.
  const ms = Date.UTC(2026, 8, 21, 9);
  assert.equal(await page.evaluate((t) => window.rapport.formatDate(t, "en", "hebrew", "Asia/Jerusalem"), ms),
               "10 Tishri 5787");
  const he = await page.evaluate((t) => window.rapport.formatDate(t, "he-IL", "hebrew", "Asia/Jerusalem"), ms);
  assert.match(he, /תשרי/);
  assert.equal(await page.evaluate((t) => window.rapport.formatDate(t, "en", "gregorian", "Nowhere/City"), ms), "");
  assert.deepEqual(problems, []);
  await context.close();
});

test("draws no frames while idle, and draws again on input", async () => {
  const { context, page, problems } = await openApp(browser, server.url);
  const settled = await assertIdle(page, 1500);
  // Over the tab bar: canvas in every view (the Compose view's text box is a page element over the canvas).
  await page.mouse.move(700, 74);
  await page.mouse.move(720, 76);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.rapportFrames) > n, settled);
  assert.deepEqual(problems, []);
  await context.close();
});

test("follows window resizes down to a phone", async () => {
  const { context, page, problems } = await openApp(browser, server.url, { dpr: 2 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => document.getElementById("canvas").width === 780);
  await waitIdle(page);
  assert.equal(await page.evaluate(() => document.getElementById("canvas").height), 1688);
  await page.screenshot({ path: path.join(screenshots, "shell-phone.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("compare cultures: a link picks the pair, the view and window.rapport agree", async () => {
  const { context, page, problems } = await openApp(browser, server.url + "?from=US&to=DE&view=cultures", { width: 1280, height: 900 });
  await waitIdle(page);
  await page.screenshot({ path: path.join(screenshots, "cultures-us-de.png") });
  // The target's year calendar: German public holidays, with Christmas Eve as a half day.
  const cal = await page.evaluate(() => window.rapport.calendar());
  assert.equal(cal.market, "DE");
  const names = cal.entries.map((e) => e.name);
  assert.ok(names.some((n) => /German Unity/.test(n)), names.join(", "));
  await page.mouse.move(640, 600);
  for (let i = 0; i < 12; ++i) await page.mouse.wheel(0, 400);
  await waitIdle(page);
  await page.screenshot({ path: path.join(screenshots, "cultures-calendar-de.png") });
  const cmp = await page.evaluate(() => window.rapport.compare("IL", "JP"));
  assert.equal(cmp.sender, "IL");
  assert.equal(cmp.frictions[0].dimension, "directness");
  assert.match(cmp.frictions[0].advice, /Japan/);
  assert.equal(await page.evaluate(() => window.rapport.compare("IL", "XX")), null);
  assert.ok((await page.evaluate(() => window.rapport.markets())).length >= 40);
  await page.evaluate(() => window.rapport.setMarkets("IL", "JP"));
  await waitIdle(page);
  await page.screenshot({ path: path.join(screenshots, "cultures-il-jp.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("window.rapport.check finds problems in a blunt draft and none in a polite one, with UTF-16 spans", async () => {
  const { context, page, problems } = await openApp(browser, server.url);
  const blunt = "Hey Hiroshi 😀,\nJust touching base. Let us talk at 3pm, ASAP.\nCheers";
  const r = await page.evaluate((t) => window.rapport.check(t, "IL", "JP"), blunt);
  assert.equal(r.language, "en");
  assert.ok(r.findings.length >= 3, JSON.stringify(r.findings.map((f) => f.rule)));
  for (const f of r.findings) assert.equal(blunt.slice(f.begin, f.end), f.text, `span of ${f.rule}`);
  assert.ok(r.score < 100);
  const polite = "Dear Mr. Tanaka,\n\nThank you very much for your time last week. Could you let us know when it " +
                 "would be convenient to discuss the proposal?\n\nWith best regards,\nDana Levi";
  const clean = await page.evaluate((t) => window.rapport.check(t, "IL", "JP"), polite);
  assert.deepEqual(clean.findings, []);
  // A 5 MB paste returns (bounded) rather than freezing the page.
  const started = Date.now();
  const big = await page.evaluate(() => window.rapport.check("Please touch base with me. ".repeat(200000), "US", "JP"));
  assert.equal(big.truncated, true);
  assert.ok(Date.now() - started < 30000);
  assert.deepEqual(problems, []);
  await context.close();
});
