// @ts-check
// `npm start`: the main job on a fresh machine. Installs what it needs, then runs the
// pipeline (spec lint → bundle → generate → build) through turbo.
import { installDependencies, requireNode, turbo } from "./lib/bootstrap.mjs";

requireNode();
installDependencies();
turbo("Pipeline: spec:lint → spec:bundle → generate → build", ["build", "--output-logs=errors-only"]);
console.log("\n✔ Main job done: packages built from spec/voice.yaml.");
