import type { ExportTally } from "./export-tally.js";

// A fixed locale: the lines are the same on every machine, and tests can assert them.
const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

const PREFIX = "signalwire-voice: ";

/**
 * A count with thousands separators, rounded to a whole number.
 *
 * @example count(12345.6) // "12,346"
 */
export function count(value: number): string {
  return WHOLE.format(value);
}

/**
 * A count and its noun, in the plural unless the count is 1.
 *
 * @example counted(1, "page") // "1 page"; counted(12345, "log") // "12,345 logs"
 */
export function counted(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? "" : "s"}`;
}

/**
 * An elapsed time, as precise as a person reads it: seconds, then minutes, then hours.
 *
 * @example elapsedText(6_400) // "6 s"; elapsedText(125_000) // "2 min 05 s"; elapsedText(3_720_000) // "1 h 02 min"
 */
export function elapsedText(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${two(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${two(minutes % 60)} min`;
}

/**
 * A pause, which is often under a second or a fraction of seconds (a `Retry-After`).
 *
 * @example pauseText(250) // "250 ms"; pauseText(1500) // "1.5 s"; pauseText(2000) // "2 s"
 */
export function pauseText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * `[since, until)` as the user can paste it back into `--since` and `--until`.
 *
 * @example rangeText(tally) // "2026-01-01T00:00:00.000Z..2026-01-02T00:00:00.000Z"
 */
export function rangeText(tally: ExportTally): string {
  return `${tally.plan.since.toJSON()}..${tally.plan.until.toJSON()}`;
}

/**
 * The line at `start`: what is exported, where to, in how many windows and workers, and on
 * `--resume` what earlier runs wrote.
 *
 * @example startLine(tally) // "signalwire-voice: exporting the logs of 2026-01-01T…..2026-01-02T… to day.ndjson: 24 windows, 4 at a time\n"
 */
export function startLine(tally: ExportTally): string {
  const { plan, resumed } = tally;
  const windows = counted(plan.windows.length, "window");
  const plain = `${PREFIX}exporting the logs of ${rangeText(tally)} to ${plan.out}: ${windows}, ${count(plan.concurrency)} at a time`;
  if (resumed.pages === 0 && resumed.windowsDone === 0) return `${plain}\n`;
  return `${plain}; resuming after ${counted(resumed.logs, "log")}, ${counted(resumed.pages, "page")}, ${tally.percent}% (${count(resumed.windowsDone)} of ${windows} done)\n`;
}

/**
 * A progress line: logs, pages, time covered, this run's rate and the time elapsed.
 *
 * @example progressLine(tally, now) // "signalwire-voice: 12,345 logs, 13 pages, 45% of 2026-…..2026-…, 2,100 logs/s, 6 s elapsed\n"
 */
export function progressLine(tally: ExportTally, now: number): string {
  return `${PREFIX}${counted(tally.logs, "log")}, ${counted(tally.pages, "page")}, ${tally.percent}% of ${rangeText(tally)}, ${count(tally.rate(now))} logs/s, ${elapsedText(tally.elapsed(now))} elapsed\n`;
}

/**
 * The line of a pause every worker takes.
 *
 * @example waitLine({ ms: 2000, reason: "rate limited" }) // "signalwire-voice: rate limited: all workers pause 2 s\n"
 */
export function waitLine(wait: { ms: number; reason: string }): string {
  return `${PREFIX}${oneLine(wait.reason)}: all workers pause ${pauseText(wait.ms)}\n`;
}

/**
 * A pause, short, for the bar's total line.
 *
 * @example pauseNote({ ms: 2000, reason: "rate limited" }) // "rate limited, pausing 2 s"
 */
export function pauseNote(wait: { ms: number; reason: string }): string {
  return `${oneLine(wait.reason)}, pausing ${pauseText(wait.ms)}`;
}

/**
 * The last line of a complete export: the totals, the output and the time taken.
 *
 * @example summaryLine(tally, now) // "signalwire-voice: done: 24,000 logs, 24 pages to day.ndjson in 12 s (2,000 logs/s)\n"
 */
export function summaryLine(tally: ExportTally, now: number): string {
  const run = tally.logs - tally.resumed.logs;
  const rate = `${count(tally.rate(now))} logs/s`;
  const detail = tally.resumed.pages === 0 ? rate : `${counted(run, "log")} this run, ${rate}`;
  return `${PREFIX}done: ${counted(tally.logs, "log")}, ${counted(tally.pages, "page")} to ${tally.plan.out} in ${elapsedText(tally.elapsed(now))} (${detail})\n`;
}

/**
 * A window's `[since, until)`, short: no zero seconds or milliseconds, and `until`'s date only
 * when it is another day's.
 *
 * @example windowText(window) // "2026-01-01T06:00Z..12:00Z"; "2026-01-01T18:00Z..2026-01-02T00:00Z"
 */
export function windowText(window: { since: Date; until: Date }): string {
  const since = shortIso(window.since);
  const until = shortIso(window.until);
  const sameDay = since.slice(0, 11) === until.slice(0, 11) && until.length > 11;
  return `${since}..${sameDay ? until.slice(11) : until}`;
}

function shortIso(date: Date): string {
  return (date.toJSON() ?? "?").replace(/(:00)?\.000Z$/, "Z");
}

function two(value: number): string {
  return String(value).padStart(2, "0");
}

// A reason comes from the export's code, but a server's text may end up in it: one line, always.
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
