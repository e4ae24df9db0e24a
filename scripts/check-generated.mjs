// @ts-check
// Drift check: bundle and generate every API into a temp folder and compare with the
// committed files. Fails, naming each file, when someone edited generated code by hand or
// changed the spec without regenerating. Usage: pnpm check:generated
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { loadApis, repoRoot } from "./lib/apis.mjs";

const work = mkdtempSync(join(tmpdir(), "check-generated-"));
/** @param {string[]} args */
const run = (args) =>
  spawnSync(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] }).status === 0;

/** The names of committed generated files that differ from a fresh regeneration, or undefined if it failed. */
function driftedFiles() {
  const bundled = run(["scripts/spec-bundle.mjs", "--out-dir", join(work, "bundle")]);
  const generated =
    bundled &&
    run(["scripts/generate.mjs", "--bundle-dir", join(work, "bundle"), "--out-dir", join(work, "out")]);
  if (!generated) return undefined;
  return loadApis()
    .filter((api) => {
      const fresh = readFileSync(join(work, "out", basename(api.types)), "utf8");
      return !existsSync(api.types) || readFileSync(api.types, "utf8") !== fresh;
    })
    .map((api) => relative(repoRoot, api.types));
}

try {
  const drifted = driftedFiles();
  if (drifted === undefined) {
    console.error("✖ check:generated: could not regenerate (see above).");
    process.exitCode = 1;
  } else if (drifted.length > 0) {
    console.error("✖ check:generated: committed generated files differ from what the spec produces:");
    for (const file of drifted) console.error(`  ${file}`);
    console.error(
      "Do not edit generated files. Run `pnpm generate` (after changing spec/ or the overlay) and commit the result.",
    );
    process.exitCode = 1;
  } else {
    console.log(`✔ check:generated: ${loadApis().length} generated file(s) match the spec.`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
