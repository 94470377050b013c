// Compares Rapport's public holidays (national, kind "public", substitutes included) with those of npm
// date-holidays, an independent rule set, for every market and 2024-2032. Prints each disagreement as
// "XX YYYY-MM-DD only-rapport|only-date-holidays name". Known, reviewed disagreements are listed in
// tests/accuracy/disagreements.md with which side is right; this script is the tool that finds them.
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

let total = 0;
for (const code of markets) {
  const hd = new Holidays(code);
  for (let year = 2024; year <= 2032; year++) {
    const ours = JSON.parse(execFileSync(cli, ["holidays", code, String(year), "--format", "json"], { encoding: "utf8" }));
    const mine = new Map();
    for (const h of ours.holidays) {
      if (h.kind !== "public" || h.impact !== "closed") continue;
      for (let d = new Date(h.start + "T12:00:00Z"); d <= new Date(h.end + "T12:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) {
        mine.set(d.toISOString().slice(0, 10), h.name);
      }
    }
    const theirs = new Map();
    for (const h of hd.getHolidays(year) || []) {
      if (h.type !== "public") continue;
      theirs.set(h.date.slice(0, 10), h.name);
    }
    // A holiday on the market's weekend changes nothing for business: compare working days only.
    const weekday = (d) => ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][new Date(d + "T12:00:00Z").getUTCDay()];
    const working = (d) => workingDays(code, d).includes(weekday(d));
    for (const [d, n] of mine) if (!theirs.has(d) && d.startsWith(String(year)) && working(d)) { console.log(`${code} ${d} only-rapport ${n}`); total++; }
    for (const [d, n] of theirs) if (!mine.has(d) && working(d)) { console.log(`${code} ${d} only-date-holidays ${n}`); total++; }
  }
}
console.log(`${total} disagreements`);
