// @ts-check
// `node scripts/pnpm-provenance.mjs <dir>`: writes <dir>/pnpm, a pnpm that adds `--provenance`
// to every `pnpm publish`, for release.yml to put first on PATH. Why: `changeset publish` runs
// `pnpm publish` with flags of its own, and pnpm 12.4.2 takes provenance from the command line
// only (it ignores pnpm_config_provenance, npm_config_provenance, `provenance=true` in .npmrc,
// publishConfig.provenance and pnpm-workspace.yaml; checked against a local registry).
import { accessSync, chmodSync, constants, mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The first executable `name` on `PATH`, skipping `exclude` (the shim's own folder).
 *
 * @example
 * findOnPath("pnpm", "/tmp/provenance-bin") // → "/usr/local/bin/pnpm"
 *
 * @param {string} name
 * @param {string} exclude
 * @param {string} [path]
 */
export function findOnPath(name, exclude, path = process.env.PATH ?? "") {
  for (const dir of path.split(delimiter)) {
    if (!dir || resolve(dir) === resolve(exclude)) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return realpathSync(candidate);
    } catch {
      // Not here.
    }
  }
  throw new Error(`No ${name} on PATH (outside ${exclude}). Install pnpm first.`);
}

/**
 * Writes `dir/pnpm`: `publish` gets `--provenance`, every other command passes through
 * unchanged to `realPnpm`. Returns the shim's path.
 *
 * @example
 * writeProvenanceShim("/tmp/provenance-bin", "/usr/local/bin/pnpm");
 *
 * @param {string} dir
 * @param {string} realPnpm
 */
export function writeProvenanceShim(dir, realPnpm) {
  mkdirSync(dir, { recursive: true });
  const shim = join(dir, "pnpm");
  const real = JSON.stringify(realPnpm);
  writeFileSync(
    shim,
    [
      "#!/bin/sh",
      "# Written by scripts/pnpm-provenance.mjs: pnpm, with --provenance on every publish.",
      `if [ "$1" = publish ]; then shift; exec ${real} publish --provenance "$@"; fi`,
      `exec ${real} "$@"`,
      "",
    ].join("\n"),
  );
  chmodSync(shim, 0o755);
  return shim;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("Usage: node scripts/pnpm-provenance.mjs <dir>  (then put <dir> first on PATH)");
    process.exit(2);
  }
  const shim = writeProvenanceShim(resolve(dir), findOnPath("pnpm", resolve(dir)));
  console.log(`✔ ${shim}: pnpm publish → pnpm publish --provenance`);
}
