// @ts-check
// `pnpm spec-diff --base <file|git-ref:path> --head <file|git-ref:path> [...]`: builds
// @signalwire-voice/spec-diff through turbo (cached and quiet, so stdout carries only the
// report), then runs it. `pnpm spec-diff --help` lists the options.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./lib/apis.mjs";
import { toolEnv } from "./lib/bootstrap.mjs";

/**
 * The built spec-diff package (`packages/spec-diff/dist`), built first unless `build` is false.
 * @param {{ build?: boolean; root?: string }} [options]
 * @returns {Promise<typeof import("../packages/spec-diff/src/index.js")>}
 */
export async function loadSpecDiff({ build = true, root = repoRoot } = {}) {
  if (build) {
    const args = ["run", "build", "--filter=@signalwire-voice/spec-diff", "--output-logs=errors-only"];
    const result = spawnSync(join(root, "node_modules/.bin/turbo"), args, {
      cwd: root,
      env: toolEnv,
      encoding: "utf8",
    });
    if (result.status !== 0) {
      process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
      console.error(
        "✖ spec-diff: could not build @signalwire-voice/spec-diff (above). Run `pnpm install`, then retry.",
      );
      process.exit(2);
    }
  }
  return import(pathToFileURL(join(root, "packages/spec-diff/dist/index.mjs")).href);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { runCli } = await loadSpecDiff();
  // pnpm runs scripts from the repo root; paths on the command line are relative to where you typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd,
  });
}
