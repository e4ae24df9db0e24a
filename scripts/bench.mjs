// @ts-check
// `pnpm bench`: the pipeline and the packages measured side by side in a copy of the repo; writes
// docs/bench.md and docs/bench.json. The bench is the @signalwire-voice/bench package
// (packages/bench, its README lists the options); this runs its `bench` script.
//
//   pnpm bench [--only pipeline,scale,client,contract,pagination,export,server,sizes] [--out docs] [--quick] [--keep]
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { pnpmCommand, requireNode, toolEnv } from "./lib/bootstrap.mjs";

requireNode();
// The bench imports copyWorkspace from test-utils' build (tsdown): a turbo cache hit once built.
const built = spawnSync(
  join(repoRoot, "node_modules/.bin/turbo"),
  ["run", "build", "--filter=@signalwire-voice/test-utils", "--output-logs=errors-only"],
  { cwd: repoRoot, env: toolEnv, encoding: "utf8" },
);
if (built.status !== 0) {
  console.error(`✖ bench: building @signalwire-voice/test-utils failed (exit ${built.status}):`);
  console.error(`${built.stdout ?? ""}${built.stderr ?? built.error ?? ""}`.trim());
  process.exit(built.status ?? 1);
}
const pnpm = pnpmCommand();
// Started from the folder `pnpm bench` ran in: pnpm sets the script's INIT_CWD to its own working
// folder, and the bench resolves a relative --out against it. The arguments follow the script's
// name as given: pnpm passes every one of them on (a `--` too, which the bench skips).
const result = spawnSync(
  pnpm.command,
  [...pnpm.prefix, "--dir", repoRoot, "--filter", "@signalwire-voice/bench", "run", "bench"].concat(
    process.argv.slice(2),
  ),
  { cwd: process.env.INIT_CWD ?? process.cwd(), env: toolEnv, stdio: "inherit" },
);
if (result.error) throw result.error;
process.exit(result.status ?? 1);
