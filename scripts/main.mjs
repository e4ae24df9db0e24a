// @ts-check
// `npm start`: the main job on a fresh machine. Installs what it needs, runs the pipeline
// (spec lint → bundle → generate → build) through turbo, then the demo: logs listed page by
// page from the embedded mock server, or from your Space when SIGNALWIRE_PROJECT_ID,
// SIGNALWIRE_API_TOKEN and SIGNALWIRE_SPACE (or SIGNALWIRE_BASE_URL) are set. Arguments go to
// the demo (`npm start -- --pages 3 --page-size 50`); they are checked before anything runs.
import { parseDemoArgs, USAGE, UsageError } from "../examples/list-logs/args.mjs";
import { installDependencies, requireNode, step, turboStep } from "./lib/bootstrap.mjs";

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

await turboStep("Pipeline: spec:lint → spec:bundle → generate → build", ["build"]);

const { SIGNALWIRE_SPACE, SIGNALWIRE_BASE_URL, SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN } = process.env;
step(
  (SIGNALWIRE_SPACE || SIGNALWIRE_BASE_URL) && SIGNALWIRE_PROJECT_ID && SIGNALWIRE_API_TOKEN
    ? "Demo: list logs page by page, then one log and its events, from your Space (SIGNALWIRE_*)"
    : "Demo: list logs page by page, then one log and its events, from the embedded mock server",
  process.execPath,
  ["examples/list-logs/list-logs.mjs", ...demoArgs],
);
console.log("\n✔ Main job done: spec linted, types generated, packages built, logs listed.");
