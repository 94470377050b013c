// The Meeting planner, driven as a user drives it: open it from a link, add a participant by typing in the
// market picker, type the date and time, read the findings, click a suggested slot, export the .ics file and
// check it with a real iCalendar parser. Screenshots at 1280x720 (1x and 2x) and on a 390x844 phone.
//
// ImGui draws on a canvas, so controls are found through window.rapport.meeting().anchors: the screen rectangle
// (CSS pixels) where the view last drew each named control. Clicks and keys are real browser input.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { assertIdle, launch, openApp, screenshots, serve, waitIdle } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const meeting = (page) => page.evaluate(() => window.rapport.meeting());

/** Clicks the middle of a control the planner drew, then waits until the app is idle again. */
async function click(page, name) {
  const { anchors } = await meeting(page);
  assert.ok(anchors[name], `the planner shows ${name} (has: ${Object.keys(anchors).join(", ")})`);
  const [x, y, w, h] = anchors[name];
  await page.mouse.click(x + w / 2, y + h / 2);
  await waitIdle(page, 600);
}

/** Types into a text field of the planner: click (which selects its text), type, Enter. */
async function type(page, name, text) {
  await click(page, name);
  await page.keyboard.type(text, { delay: 20 });
  await page.keyboard.press("Enter");
  await waitIdle(page, 600);
}

/** Yom Kippur 2027 (Monday 11 October), 10:00 in Jerusalem, with Japan and Germany: planned through the UI. */
async function planYomKippur(page) {
  await waitIdle(page);
  // As it opens: tomorrow at 10:00 with the top bar's To; the now-line is in the window.
  await page.screenshot({ path: path.join(screenshots, "meeting-1280-start.png") });
  let m = await meeting(page);
  assert.equal(m.form.organiser.market, "IL");
  assert.deepEqual(m.form.participants.map((p) => p.market), ["JP"]);
  // A second participant: the picker opens with its search field focused; type, then pick the one match.
  await click(page, "meeting.add");
  await click(page, "meeting.participant.1");
  await page.keyboard.type("germ", { delay: 20 });
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await waitIdle(page, 600);
  await type(page, "meeting.date", "2027-10-11");
  await type(page, "meeting.time", "10:00");
  m = await meeting(page);
  assert.deepEqual(m.form.participants.map((p) => p.market), ["JP", "DE"]);
  assert.equal(m.form.date, "2027-10-11");
  assert.equal(m.form.start, "10:00");
  return m;
}

test("plan a call on Yom Kippur, apply a better slot, export it as .ics (1280x720)", async () => {
  const { context, page, problems } = await openApp(browser, server.url + "?from=IL&to=JP&view=meeting");
  const m = await planYomKippur(page);
  assert.match(m.when, /Oct 11, 2027 · 10:00–11:00 · Asia\/Jerusalem/);
  const holiday = m.findings.find((f) => f.id === "holiday" && f.markets[0] === "IL");
  assert.ok(holiday, JSON.stringify(m.findings.map((f) => f.id)));
  assert.equal(holiday.severity, "problem");
  assert.match(holiday.why, /Yom Kippur/);
  assert.ok(m.findings.some((f) => f.id === "holiday" && f.markets[0] === "JP"), "Japan's Sports Day");
  assert.ok(m.slots.length >= 3);
  for (const s of m.slots) assert.equal(s.times.length, 3);
  await page.mouse.move(5, 700);  // no hover highlight in the picture
  await waitIdle(page, 600);
  await page.screenshot({ path: path.join(screenshots, "meeting-1280.png") });

  // Hovering the timeline explains the day under the pointer (a tooltip is drawn: more frames, then idle).
  const [tx, ty, tw, th] = m.anchors["meeting.timeline"];
  await page.mouse.move(tx + tw * 0.5, ty + th / 2);
  await waitIdle(page, 600);
  await page.screenshot({ path: path.join(screenshots, "meeting-1280-hover.png") });

  // A week around the date: the Silver-Week-like run of holidays at a glance; then back to three days.
  await click(page, "meeting.days.7");
  assert.equal((await meeting(page)).form.timeline_days, 7);
  await page.mouse.move(5, 700);
  await waitIdle(page, 600);
  await page.screenshot({ path: path.join(screenshots, "meeting-1280-week.png") });
  await click(page, "meeting.days.3");

  // The first suggested slot moves the meeting; no problem is left.
  const slot = m.slots[0];
  await click(page, "meeting.slot.0");
  const applied = await meeting(page);
  assert.equal(applied.slots.length > 0, true);
  assert.ok(!applied.findings.some((f) => f.severity === "problem"), JSON.stringify(applied.findings));
  assert.equal(applied.form.start, slot.times[0].time.slice(0, 5));
  await page.mouse.move(5, 700);
  await waitIdle(page, 600);
  await page.screenshot({ path: path.join(screenshots, "meeting-1280-slot.png") });

  // Export: a real download of an iCalendar file for the chosen slot.
  const downloaded = page.waitForEvent("download");
  await click(page, "meeting.export");
  const download = await downloaded;
  assert.equal(download.suggestedFilename(), applied.ics_filename);
  const file = path.join(screenshots, applied.ics_filename);
  await download.saveAs(file);
  const ics = readFileSync(file, "utf8");
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /\r\nBEGIN:VEVENT\r\n/);
  const start = new Date(slot.start).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  assert.match(ics, new RegExp(`\\r\\nDTSTART:${start}\\r\\n`));
  const parsed = spawnSync("/usr/bin/python3", ["-c", `
import sys, icalendar
data = open(sys.argv[1], "rb").read()
assert all(len(l) <= 75 for l in data.split(b"\\r\\n")), "folded at 75 octets"
events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
assert len(events) == 1
e = events[0]
for field in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
    assert e.get(field) is not None, field
assert (e.decoded("DTEND") - e.decoded("DTSTART")).total_seconds() == 3600
print(e.decoded("DTSTART").isoformat())
print(str(e.get("DESCRIPTION")))
`, file], { encoding: "utf8" });
  assert.equal(parsed.status, 0, parsed.stderr);
  assert.equal(new Date(parsed.stdout.split("\n")[0]).getTime(), slot.start);
  assert.match(parsed.stdout, /Japan: .*Asia\/Tokyo \(UTC\+9\)/);
  assert.match(parsed.stdout, /Germany: .*Europe\/Berlin/);

  // Idle: nothing is drawn while nothing changes.
  await assertIdle(page, 1200);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the planner at devicePixelRatio 2 and on a phone", async () => {
  const plan = {
    organiser: { market: "IL", zone: "Asia/Jerusalem" },
    participants: [{ market: "JP" }, { market: "DE" }],
    date: "2027-10-11", start: "10:00", duration: 60, kind: "first",
  };
  {
    const { context, page, problems } = await openApp(browser, server.url + "?from=IL&to=JP&view=meeting", { dpr: 2 });
    await waitIdle(page);
    assert.equal(await page.evaluate((p) => window.rapport.setMeeting(p), plan), true);
    assert.equal(await page.evaluate(() => window.rapport.setMeeting("nonsense")), false);
    await waitIdle(page);
    const m = await meeting(page);
    assert.ok(m.findings.some((f) => f.id === "holiday"));
    await page.screenshot({ path: path.join(screenshots, "meeting-1280-dpr2.png") });
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    const { context, page, problems } = await openApp(browser, server.url + "?from=IL&to=JP&view=meeting",
                                                      { width: 390, height: 844, dpr: 2 });
    await waitIdle(page);
    await page.evaluate((p) => window.rapport.setMeeting(p), plan);
    await waitIdle(page);
    const m = await meeting(page);
    assert.equal(m.form.timeline_days, 1, "a phone shows one day at a time");
    // Every control the planner drew lies inside the screen's width.
    for (const [name, [x, , w]] of Object.entries(m.anchors)) {
      assert.ok(x >= 0 && x + w <= 390 + 0.5, `${name} fits the phone: ${x}+${w}`);
    }
    await page.screenshot({ path: path.join(screenshots, "meeting-phone.png") });
    // Scrolled down: the findings and the slots.
    await page.mouse.move(200, 500);
    await page.mouse.wheel(0, 700);
    await waitIdle(page, 600);
    await page.screenshot({ path: path.join(screenshots, "meeting-phone-scrolled.png") });
    await page.mouse.wheel(0, 900);
    await waitIdle(page, 600);
    await page.screenshot({ path: path.join(screenshots, "meeting-phone-findings.png") });
    assert.deepEqual(problems, []);
    await context.close();
  }
});
