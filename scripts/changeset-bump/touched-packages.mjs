// @ts-check
// Which packages a spec change must release: the ones spec-diff says it touches. The list is
// spec-diff's (SPEC_SURFACE in packages/spec-diff/src/internal/touched-packages.ts: the types,
// and the client that re-exports them), never a copy: it comes from the report when the report
// carries it, else from the built @signalwire-voice/spec-diff, through `writeChangeset` (the
// same call that writes `--write-changeset`'s front matter) into a throwaway folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../lib/apis.mjs";
import { loadSpecDiff } from "../spec-diff.mjs";
import { BUMPS } from "./changesets.mjs";

/** @typedef {import("../../packages/spec-diff/src/index.js").Report} Report */
/** @typedef {Partial<Report> & { bump: import("./changesets.mjs").Bump; packages?: unknown }} SpecDiffReport */

/**
 * The names of the packages whose public surface the report's change touches, in spec-diff's
 * order; [] when the spec did not change.
 *
 * @example
 * await touchedPackages({ bump: "minor", changes: [...] }) // → ["@signalwire-voice/types", "@signalwire-voice/client"]
 *
 * @param {SpecDiffReport} report `pnpm spec-diff --format json`
 * @param {{ root?: string; build?: boolean }} [options] the workspace whose spec-diff (and
 *   published packages) decide; `build: false` when its spec-diff is already built
 * @returns {Promise<string[]>}
 */
export async function touchedPackages(report, { root = repoRoot, build = true } = {}) {
  if (!report || typeof report !== "object" || !BUMPS.includes(report.bump)) {
    throw new Error(
      `The spec-diff report's bump must be one of ${BUMPS.join(", ")} (got ${JSON.stringify(report?.bump)}).`,
    );
  }
  if (report.bump === "none") return [];
  if (report.packages !== undefined) return packagesOfReport(report.packages);
  const { writeChangeset } = await loadSpecDiff({ build, root });
  const dir = mkdtempSync(join(tmpdir(), "touched-packages-"));
  try {
    /** @type {Report} */
    const full = {
      base: "",
      head: "",
      overlay: true,
      summary: { major: 0, minor: 0, patch: 0 },
      changes: [],
      ...report,
    };
    const result = writeChangeset(full, dir, root);
    return result.written ? result.packages.map(({ name }) => name) : [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A report's own package list: names, or `{ name }` objects (as `writeChangeset` returns them).
 * @param {unknown} packages
 * @returns {string[]}
 */
function packagesOfReport(packages) {
  const names = Array.isArray(packages)
    ? packages.map((entry) => (typeof entry === "string" ? entry : entry?.name))
    : [];
  if (!Array.isArray(packages) || names.some((name) => typeof name !== "string" || name === "")) {
    throw new Error(
      `The spec-diff report's \`packages\` must list package names (got ${JSON.stringify(packages).slice(0, 80)}).`,
    );
  }
  return names;
}
