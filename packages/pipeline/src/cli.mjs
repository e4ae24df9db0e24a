#!/usr/bin/env node
// @ts-check
// `signalwire-pipeline <step> [--api name]`: the steps each workspace package runs for its API.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { parseArgs } from "node:util";
import { loadApis, workspaceDir } from "./apis.mjs";
import { bundleApi } from "./bundle.mjs";
import { driftedFiles } from "./drift.mjs";
import { generateTypes } from "./generate.mjs";
import { lintApi } from "./lint.mjs";

const USAGE = `Usage: signalwire-pipeline <step> [--api <name>]
  lint             lint each upstream spec with its <name>@upstream rules
  bundle           apply the overlays, bundle, lint the result with <name>@sdk rules
  generate         generate TypeScript types from each bundle
  check-generated  regenerate into a temp folder; fail if a committed file differs
Without --api, every API of the pipeline's apis.json.`;

/** @type {Record<string, (apis: import("./apis.mjs").ApiEntry[]) => Promise<boolean> | boolean>} */
const steps = {
  lint: (apis) => apis.map(lintApi).every(Boolean),
  bundle: (apis) =>
    apis
      .map((api) => {
        const bundled = bundleApi(api, api.bundle);
        if (bundled) console.log(`✔ spec:bundle: ${api.name} → ${relative(workspaceDir, bundled)}`);
        return bundled !== undefined;
      })
      .every(Boolean),
  generate: async (apis) => {
    for (const api of apis) {
      mkdirSync(dirname(api.types), { recursive: true });
      writeFileSync(api.types, await generateTypes(api.bundle, api.name));
      console.log(`✔ generate: ${api.name} → ${relative(workspaceDir, api.types)}`);
    }
    return true;
  },
  "check-generated": async (apis) => {
    const drifted = await driftedFiles(apis);
    if (drifted === undefined) console.error("✖ check:generated: could not regenerate (see above).");
    else if (drifted.length > 0) {
      console.error("✖ check:generated: committed generated files differ from what the spec produces:");
      for (const file of drifted) console.error(`  ${file}`);
      console.error(
        "Do not edit generated files. Run `pnpm generate` (after changing spec/ or the overlay) and commit the result.",
      );
    } else console.log(`✔ check:generated: ${apis.length} generated file(s) match the spec.`);
    return drifted?.length === 0;
  },
};

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { api: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const step = steps[positionals[0] ?? ""];
  if (values.help) console.log(USAGE);
  else if (!step || positionals.length > 1) {
    console.error(
      `✖ signalwire-pipeline: ${positionals.length ? `unknown step "${positionals.join(" ")}"` : "no step given"}.\n\n${USAGE}`,
    );
    process.exitCode = 2;
  } else process.exitCode = (await step(loadApis(values.api))) ? 0 : 1;
} catch (error) {
  console.error(`✖ signalwire-pipeline: ${/** @type {Error} */ (error).message}\n\n${USAGE}`);
  process.exitCode = 2;
}
