// Compares Rapport's public holidays (national, kind "public", substitutes included) with those of npm
// date-holidays, an independent rule set, for every market and 2024-2032. Prints each disagreement as
// "XX YYYY-MM-DD only-rapport|only-date-holidays name", one row per working day; a multi-day entry on either
// side counts every day it covers. Known, reviewed disagreements are listed in tests/accuracy/README.md with
// which side is right; this script is the tool that finds them.
//
//   node tests/accuracy/compare.mjs path/to/rapport [XX ...]
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Holidays from "date-holidays";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = process.argv[2];
const markets = process.argv.length > 3 ? process.argv.slice(3)
  : readdirSync(path.join(here, "../../culture-profiles")).filter((f) => /^[A-Z]{2}\.json$/.test(f)).map((f) => f.slice(0, 2));

// The working days of a market on a date, from its profile's date-ranged weeks.
const profiles = {};
function workingDays(code, date) {
  profiles[code] ??= JSON.parse(readFileSync(path.join(here, `../../culture-profiles/${code}.json`), "utf8"));
  const week = profiles[code].working_time.weeks.find((w) => (!w.from || w.from <= date) && (!w.to || date <= w.to));
  return week ? week.days : ["mon", "tue", "wed", "thu", "fri"];
}

// The local days a date-holidays entry covers. Its `date` is the local start ("2024-04-10 00:00:00 -0600": the
// evening before, for Islamic days that begin at sunset) and `end - start` its length (five days for Russia's
// New Year holidays, two for Nigeria's Eid). A day counts when the entry covers its noon, so a holiday that
// starts at sunset or ends at midday (Turkey's last Bayram day) counts only its full days.
const DAY = 86400000;
function theirDays(h) {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})(?: ([+-])(\d{2})(\d{2}))?$/.exec(h.date);
  if (!m) throw new Error(`unexpected date-holidays date "${h.date}"`);
  const shift = m[5] ? (m[5] === "-" ? -1 : 1) * (Number(m[6]) * 60 + Number(m[7])) * 60000 : 0;
  // Local time written as if it were UTC; a DST change inside the entry moves its end by an hour at most.
  const start = Date.parse(m[1] + "T00:00:00Z") + ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000 + shift;
  const end = start + (h.end - h.start);
  const days = [];
  for (let noon = Math.floor(start / DAY) * DAY + DAY / 2; noon < end; noon += DAY) {
    if (noon >= start) days.push(new Date(noon).toISOString().slice(0, 10));
  }
  return days;
}

const weekday = (d) => ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][new Date(d + "T12:00:00Z").getUTCDay()];
const first = 2024, last = 2032;
let total = 0;
for (const code of markets) {
  const hd = new Holidays(code);
  // Every day off on either side, 2024-2032; multi-day entries count every day they cover, whichever year
  // they start in.
  const mine = new Map(), theirs = new Map();
  for (let year = first; year <= last; year++) {
    const ours = JSON.parse(execFileSync(cli, ["holidays", code, String(year), "--format", "json"], { encoding: "utf8" }));
    for (const h of ours.holidays) {
      if (h.kind !== "public" || h.impact !== "closed") continue;
      for (let d = new Date(h.start + "T12:00:00Z"); d <= new Date(h.end + "T12:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) {
        mine.set(d.toISOString().slice(0, 10), h.name);
      }
    }
    for (const h of hd.getHolidays(year) || []) {
      if (h.type !== "public") continue;
      for (const d of theirDays(h)) if (!theirs.has(d)) theirs.set(d, h.name);
    }
  }
  // A holiday on the market's weekend changes nothing for business: compare working days only.
  const counted = (d) => d >= `${first}-01-01` && d <= `${last}-12-31` && workingDays(code, d).includes(weekday(d));
  const byDate = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  for (let year = first; year <= last; year++) {
    const inYear = (m) => [...m].filter(([d]) => d.startsWith(String(year)) && counted(d)).sort(byDate);
    for (const [d, n] of inYear(mine)) if (!theirs.has(d)) { console.log(`${code} ${d} only-rapport ${n}`); total++; }
    for (const [d, n] of inYear(theirs)) if (!mine.has(d)) { console.log(`${code} ${d} only-date-holidays ${n}`); total++; }
  }
}
console.log(`${total} disagreements`);
