// @ts-check
// docs/bench.md and docs/bench.json from the figures of one `pnpm bench` run.
import { summarize } from "./stats.mjs";

/**
 * @typedef {object} Figure
 * @property {string} id        stable key in docs/bench.json
 * @property {string} section   the table it belongs to
 * @property {string} label     what was measured
 * @property {string} unit      of the samples: "s", "µs/req", "items/s", "MiB", "B"
 * @property {number[]} samples
 * @property {{ label: string; samples: number[] }} [ratio] shown next to the value
 * @property {{ text: string; met: boolean }} [goal]
 * @property {string} [note]    how to read it, or what limits it
 * @property {string} [skipped] why it was not measured this time
 */

/**
 * @typedef {object} Run
 * @property {string} date
 * @property {string} commit
 * @property {number} wallSeconds
 * @property {Record<string, string>} machine
 * @property {Record<string, string>} versions
 * @property {Figure[]} figures
 */

/** @param {number} value @param {string} unit */
function format(value, unit) {
  if (!Number.isFinite(value)) return "–";
  if (unit === "s") return `${value.toFixed(value < 10 ? 2 : 1)} s`;
  if (unit === "MiB") return `${value.toFixed(1)} MiB`;
  if (unit === "×") return `${value.toFixed(3)}×`;
  if (unit === "B") return `${Math.round(value).toLocaleString("en-US")} B`;
  return `${Math.round(value).toLocaleString("en-US")} ${unit}`;
}

/** "median (min–max)" @param {number[]} samples @param {string} unit */
const spread = (samples, unit) => {
  const { min, max } = summarize(samples);
  return samples.length > 1 ? `${format(min, unit)} – ${format(max, unit)}` : "(1 run)";
};

/** @param {Figure} figure */
function row(figure) {
  if (figure.skipped)
    return `| ${figure.label} | skipped | ${figure.skipped} | | | ${figure.goal?.text ?? "—"} | — |`;
  const { median, n } = summarize(figure.samples);
  const ratio = figure.ratio
    ? `${format(summarize(figure.ratio.samples).median, "×")} (${figure.ratio.label})` +
      (figure.ratio.samples.length > 1 ? `, ${spread(figure.ratio.samples, "×")}` : "")
    : "";
  const met = figure.goal ? (figure.goal.met ? "✅ met" : "❌ **not met**") : "—";
  return `| ${figure.label} | ${format(median, figure.unit)} | ${spread(figure.samples, figure.unit)} | ${n} | ${ratio} | ${figure.goal?.text ?? "—"} | ${met} |`;
}

/**
 * The markdown page.
 * @param {Run} run
 */
export function renderMarkdown(run) {
  const seconds = Math.round(run.wallSeconds);
  const minutes = `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const lines = [
    "# Benchmarks",
    "",
    "Written by `pnpm bench` ([scripts/bench.mjs](../scripts/bench.mjs)); do not edit by hand, run it again.",
    `This run: ${run.date}, commit \`${run.commit}\`, **${minutes}** of wall time from the start of the command to this page`,
    `(goal: under 10 min; ${run.wallSeconds < 600 ? "met" : "**not met**"}). Machine-readable: [bench.json](bench.json).`,
    "",
    "Each figure is the median of n samples, with its spread (min – max). A ratio is the median of",
    "per-round ratios of two sides measured back to back in the same round, so a busy machine slows",
    "both alike; for the pipeline states it is each sample over the cold median. The pipeline and",
    "scale figures run in a temporary copy of the repo (its own install and turbo cache), so the",
    "real spec and cache are never touched.",
    "",
    "| machine and versions | |",
    "|---|---|",
    ...Object.entries({ ...run.machine, ...run.versions }).map(([name, value]) => `| ${name} | ${value} |`),
  ];
  for (const section of [...new Set(run.figures.map((figure) => figure.section))]) {
    const figures = run.figures.filter((figure) => figure.section === section);
    lines.push("", `## ${section}`, "");
    lines.push("| figure | median | spread (min – max) | n | ratio: median (min – max) | goal | met |");
    lines.push("|---|---|---|---|---|---|---|");
    lines.push(...figures.map(row));
    const notes = figures.filter((figure) => figure.note && !figure.skipped);
    if (notes.length) lines.push("", ...notes.map((figure) => `- *${figure.label}*: ${figure.note}`));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The JSON document: everything in the page, plus every sample.
 * @param {Run} run
 */
export function renderJson(run) {
  const figures = run.figures.map((figure) => ({
    ...figure,
    ...(figure.skipped ? {} : { summary: summarize(figure.samples) }),
    ...(figure.ratio ? { ratio: { ...figure.ratio, summary: summarize(figure.ratio.samples) } } : {}),
  }));
  // Five significant digits: the rest is noise, and noise in a committed file.
  const rounded = (/** @type {string} */ _key, /** @type {unknown} */ value) =>
    typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(5)) : value;
  return `${JSON.stringify({ ...run, figures }, rounded, 2)}\n`;
}
