// @ts-check
// `npm start`: the main job on a fresh machine. Installs what it needs, runs the pipeline
// (spec lint → bundle → generate → build) through turbo, then the demo: logs listed page by
// page from the embedded mock server, or from your Space when SIGNALWIRE_PROJECT_ID,
// SIGNALWIRE_API_TOKEN and SIGNALWIRE_SPACE (or SIGNALWIRE_BASE_URL) are set. Arguments go to
// the demo (`npm start -- --pages 3 --page-size 50`); they are checked before anything runs.
import { join } from "node:path";
import { parseDemoArgs, USAGE, UsageError } from "../examples/list-logs/args.mjs";
import { repoRoot } from "./lib/apis.mjs";
import { installDependencies, requireNode, step, toolEnv } from "./lib/bootstrap.mjs";
import { runTurboWithProgress } from "./lib/turbo-progress.mjs";

requireNode();
const demoArgs = process.argv.slice(2);
try {
  if (parseDemoArgs(demoArgs).help) {
    console.log(
      `${USAGE}\n\nnpm start first installs the pinned pnpm and the dependencies, then runs the pipeline.`,
    );
    process.exit(0);
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`✖ npm start: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}

console.log(
  "npm start: install → spec:lint → spec:bundle → generate → build → demo.\n" +
    "A first run installs pnpm and the dependencies and builds every task: under half a minute on\n" +
    "2 cores with a fast registry, longer on a slow network. Later runs replay turbo's cache.",
);
installDependencies();

const title = "Pipeline: spec:lint → spec:bundle → generate → build";
console.log(`\n▶ ${title}`);
const started = Date.now();
const status = await runTurboWithProgress(join(repoRoot, "node_modules/.bin/turbo"), ["build"], {
  cwd: repoRoot,
  env: toolEnv,
});
if (status !== 0) {
  console.error(`✖ ${title} failed (exit ${status}).`);
  process.exit(status);
}
console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

const { SIGNALWIRE_SPACE, SIGNALWIRE_BASE_URL, SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN } = process.env;
step(
  (SIGNALWIRE_SPACE || SIGNALWIRE_BASE_URL) && SIGNALWIRE_PROJECT_ID && SIGNALWIRE_API_TOKEN
    ? "Demo: list logs page by page from your Space (SIGNALWIRE_*)"
    : "Demo: list logs page by page from the embedded mock server",
  process.execPath,
  ["examples/list-logs/list-logs.mjs", ...demoArgs],
);
console.log("\n✔ Main job done: spec linted, types generated, packages built, logs listed.");
