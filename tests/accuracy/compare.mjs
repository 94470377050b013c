// Compares Rapport's public holidays (national, kind "public", substitutes included) with those of npm
// date-holidays, an independent rule set, for every market and 2024-2032. Prints each disagreement as
// "XX YYYY-MM-DD only-rapport|only-date-holidays name". Known, reviewed disagreements are listed in
// tests/accuracy/disagreements.md with which side is right; this script is the tool that finds them.
//
//   node tests/accuracy/compare.mjs path/to/rapport [XX ...]
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Holidays from "date-holidays";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = process.argv[2];
const markets = process.argv.length > 3 ? process.argv.slice(3)
  : readdirSync(path.join(here, "../../culture-profiles")).filter((f) => /^[A-Z]{2}\.json$/.test(f)).map((f) => f.slice(0, 2));

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
    for (const [d, n] of mine) if (!theirs.has(d) && d.startsWith(String(year))) { console.log(`${code} ${d} only-rapport ${n}`); total++; }
    for (const [d, n] of theirs) if (!mine.has(d)) { console.log(`${code} ${d} only-date-holidays ${n}`); total++; }
  }
}
console.log(`${total} disagreements`);
