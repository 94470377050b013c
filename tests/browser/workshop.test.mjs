// The Workshop journey: markets side by side, the presentation toggle, and an exercise: the draft's problems
// listed, the participants' rewrite in a text box, and the checker showing which problems remain.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { launch, openApp, screenshots, serve, waitIdle } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const workshop = (page) => page.evaluate(() => window.rapport.workshop());
async function clickAnchor(page, name) {
  const r = (await workshop(page)).anchors[name];
  assert.ok(r, `the view shows ${name}`);
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await waitIdle(page);
}

test("workshop: markets side by side, presentation mode, an exercise solved by rewriting", async () => {
  const { context, page, problems } = await openApp(browser, server.url + "?from=US&to=JP&view=workshop");
  await waitIdle(page);
  let w = await workshop(page);
  assert.deepEqual(w.markets, ["US", "JP"]);
  await page.screenshot({ path: path.join(screenshots, "workshop-markets.png") });

  // The exercises: the first one opens with its draft, and every listed problem is there.
  await clickAnchor(page, "workshop.page.exercises");
  w = await workshop(page);
  assert.ok(w.exercises.length >= 12, `${w.exercises.length} exercises`);
  assert.ok(w.problems.length >= 3);
  assert.equal(w.remaining, w.problems.length, "the draft has all its problems");
  const editor = page.locator("#editor-workshop textarea");
  await editor.waitFor({ state: "visible" });
  assert.equal(await editor.inputValue(), w.text);
  await page.screenshot({ path: path.join(screenshots, "workshop-exercise.png") });

  // A partial rewrite solves some problems; the model answer solves them all.
  const first = w.problems[0];
  await editor.fill(w.text.replace(first.text, ""));
  await waitIdle(page);
  let after1 = await workshop(page);
  assert.ok(after1.remaining < w.remaining, `${after1.remaining} of ${w.remaining} remain after removing "${first.text}"`);
  await editor.fill(w.model);
  await waitIdle(page);
  after1 = await workshop(page);
  assert.equal(after1.remaining, 0, "the model answer solves every problem");
  assert.equal(after1.new_findings, 0);
  await page.screenshot({ path: path.join(screenshots, "workshop-solved.png") });

  // Presentation mode: large type and high contrast (full screen where the browser allows it).
  await clickAnchor(page, "workshop.present");
  w = await workshop(page);
  assert.equal(w.presenting, true);
  await page.screenshot({ path: path.join(screenshots, "workshop-present.png") });
  await clickAnchor(page, "workshop.present");
  assert.deepEqual(problems, []);
  await context.close();
});
