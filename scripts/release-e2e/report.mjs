// @ts-check
// Version arithmetic for release:e2e's expectations, and the table it ends with.

/**
 * `version` after a `level` release, as changesets computes it (0.x majors go to 1.0.0).
 *
 * @example
 * bumpVersion("0.2.0", "major") // → "1.0.0"
 *
 * @param {string} version
 * @param {"major" | "minor" | "patch"} level
 */
export function bumpVersion(version, level) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`Expected a release version like 1.2.3, got ${version}.`);
  const [major, minor, patch] = match.slice(1).map(Number);
  if (level === "major") return `${Number(major) + 1}.0.0`;
  if (level === "minor") return `${major}.${Number(minor) + 1}.0`;
  return `${major}.${minor}.${Number(patch) + 1}`;
}

/**
 * The release level between two versions (what a reader wants to see next to them).
 *
 * @example
 * levelOf("0.2.0", "1.0.0") // → "major"
 *
 * @param {string} from
 * @param {string} to
 * @returns {"major" | "minor" | "patch" | "none"}
 */
export function levelOf(from, to) {
  const [a = [], b = []] = [from, to].map((version) => version.split(".").map(Number));
  if (a[0] !== b[0]) return "major";
  if (a[1] !== b[1]) return "minor";
  return a[2] === b[2] ? "none" : "patch";
}

/**
 * Rows as aligned columns: the first row is the header, then a rule, then the rest.
 *
 * @example
 * console.log(formatTable([["package", "version"], ["@signalwire-voice/types", "1.0.0"]]));
 *
 * @param {string[][]} rows
 */
export function formatTable(rows) {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ");
  const [header = [], ...body] = rows;
  return [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

/**
 * The closing table: each package's version at each stage (with the level of each change) and
 * every version the registry holds.
 *
 * @example
 * versionsTable(["first publish", "after minor spec change"], history, new Map([["@x/a", "0.1.0, 0.2.0"]]))
 *
 * @param {string[]} stages a column title per entry of `history`
 * @param {Map<string, string>[]} history package → version, at each stage
 * @param {Map<string, string>} held package → the versions the registry holds
 */
export function versionsTable(stages, history, held) {
  const names = [...(history[0]?.keys() ?? [])];
  return formatTable([
    ["package", ...stages, "registry holds"],
    ...names.map((name) => [
      name,
      ...history.map((versionsAt, stage) => {
        const version = versionsAt.get(name) ?? "-";
        const previous = history[stage - 1]?.get(name);
        return previous && previous !== version ? `${version} (${levelOf(previous, version)})` : version;
      }),
      held.get(name) ?? "",
    ]),
  ]);
}
