// @ts-check
// `node scripts/pnpm-provenance.mjs <dir>`: installs the pinned pnpm (scripts/toolchain) and
// writes <dir>/pnpm, that pnpm with `--provenance` added to every `pnpm publish`, for release.yml
// to put first on PATH. `changeset publish` runs `pnpm publish` by name with flags of its own,
// and pnpm 12 takes provenance from its command line only: it ignores `provenance` in .npmrc,
// pnpm_config_provenance, npm_config_provenance and publishConfig.provenance.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { pnpmCommand } from "./lib/bootstrap.mjs";

/**
 * Writes `dir/pnpm`: `publish` gets `--provenance`, every other command goes unchanged to
 * `realPnpm`. Returns the shim's path.
 *
 * @example
 * writeProvenanceShim("/tmp/pnpm-bin", "/repo/scripts/toolchain/node_modules/.pnpm-bin/pnpm");
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
    "#!/bin/sh\n# scripts/pnpm-provenance.mjs: the pinned pnpm, with --provenance on every publish.\n" +
      `if [ "$1" = publish ]; then shift; exec ${real} publish --provenance "$@"; fi\nexec ${real} "$@"\n`,
  );
  chmodSync(shim, 0o755);
  return shim;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [dir, ...rest] = parseArgs({ allowPositionals: true, strict: false }).positionals;
  if (!dir || rest.length > 0 || process.argv.length !== 3) {
    console.error("Usage: node scripts/pnpm-provenance.mjs <dir>  (then put <dir> first on PATH)");
    process.exit(2);
  }
  const shim = writeProvenanceShim(resolve(dir), pnpmCommand().command);
  console.log(`✔ ${shim}: pnpm publish → pnpm publish --provenance`);
}
