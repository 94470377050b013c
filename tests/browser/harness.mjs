// Shared set-up for the browser tests: serves the built site on a free loopback port, starts Debian's
// Chromium headless with SwiftShader WebGL, and opens pages that fail the test on any console error or
// failed request. Screenshots go to build/wasm/screenshots/. RAPPORT_WASM_BUILD names another build folder (relative
// to the repository, e.g. build/wasm-meeting) for both the site and the screenshots.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
const build = path.resolve(root, process.env.RAPPORT_WASM_BUILD || "build/wasm");
export const site = path.join(build, "site");
export const screenshots = path.join(build, "screenshots");
mkdirSync(screenshots, { recursive: true });

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Starts scripts/serve.py on the site; resolves to {url, stop}. */
export async function serve() {
  const port = await freePort();
  const proc = spawn("/usr/bin/python3", [path.join(root, "scripts/serve.py"), site, String(port), "-q"],
                     { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve, reject) => {
    proc.stdout.on("data", (d) => { if (String(d).includes("running at")) resolve(); });
    proc.on("exit", (code) => reject(new Error(`serve.py exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => proc.kill() };
}

export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
           "--disable-gpu-sandbox", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/**
 * Opens the app at `url` in a new context; every console error, page error and failed or non-2xx request is
 * recorded in `problems`, which the test must find empty.
 */
export async function openApp(browser, url, { width = 1280, height = 720, dpr = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  await page.waitForFunction(() => window.rapport && window.rapport.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.rapport.ready);
  await page.waitForFunction(() => Number(document.documentElement.dataset.rapportFrames || 0) >= 1, null,
                             { timeout: 30000 });
  return { context, page, problems };
}

/** Frames drawn so far (the app sets this after every frame). */
export function framesDrawn(page) {
  return page.evaluate(() => Number(document.documentElement.dataset.rapportFrames || 0));
}

/** Waits until the app has stopped drawing (no new frame for `quietMs`). */
// Waits until nothing changes, then checks that no frame is drawn for `ms`. The app wakes once a minute, on the
// minute (its clock, the planner's now-line), so the window is placed where it does not cross a minute.
// Returns the frame count.
export async function assertIdle(page, ms = 1500, message = "no frames drawn while nothing changed") {
  await waitIdle(page);
  const secondsLeft = () => 60 - (Date.now() % 60000) / 1000;
  if (secondsLeft() < ms / 1000 + 4) await page.waitForTimeout(secondsLeft() * 1000 + 200);
  const settled = await waitIdle(page);
  if (secondsLeft() < ms / 1000 + 1) throw new Error("the idle window would cross a minute; the app took too long to settle");
  await page.waitForTimeout(ms);
  const now = await framesDrawn(page);
  if (now !== settled) throw new Error(`${message}: ${now - settled} frames drawn in ${ms} ms`);
  return now;
}

export async function waitIdle(page, quietMs = 1200, timeoutMs = 15000) {
  const start = Date.now();
  let last = await framesDrawn(page);
  let since = Date.now();
  while (Date.now() - start < timeoutMs) {
    await page.waitForTimeout(200);
    const now = await framesDrawn(page);
    if (now !== last) { last = now; since = Date.now(); } else if (Date.now() - since >= quietMs) return last;
  }
  throw new Error("the app kept drawing frames while nothing changed");
}
