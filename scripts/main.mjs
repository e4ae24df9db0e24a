// @ts-check
// `npm start`: the main job on a fresh machine. Installs what it needs, runs the pipeline
// (spec lint → bundle → generate → build) through turbo, then the demo: logs listed page by
// page from the embedded mock server, or from your Space when SIGNALWIRE_SPACE,
// SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN are set. Extra arguments go to the demo
// (`npm start -- --pages 3 --page-size 50`).
import { installDependencies, requireNode, step, turbo } from "./lib/bootstrap.mjs";

requireNode();
installDependencies();
turbo("Pipeline: spec:lint → spec:bundle → generate → build", ["build", "--output-logs=errors-only"]);
const { SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN } = process.env;
step(
  SIGNALWIRE_SPACE && SIGNALWIRE_PROJECT_ID && SIGNALWIRE_API_TOKEN
    ? "Demo: list logs page by page from your Space (SIGNALWIRE_*)"
    : "Demo: list logs page by page from the embedded mock server",
  process.execPath,
  ["examples/list-logs/list-logs.mjs", ...process.argv.slice(2)],
);
console.log("\n✔ Main job done: spec linted, types generated, packages built, logs listed.");
