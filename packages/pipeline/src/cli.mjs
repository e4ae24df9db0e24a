#!/usr/bin/env node
// @ts-check
// `signalwire-pipeline <step> [--api name]`: the steps each workspace package runs for its API.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { loadApis, workspaceDir } from "./apis.mjs";
import { bundleApi } from "./bundle.mjs";
import { clientFiles, cliFiles, contractFiles } from "./client-files.mjs";
import { driftedFiles } from "./drift.mjs";
import { generateTypes } from "./generate.mjs";
import { lintApi } from "./lint.mjs";

const USAGE = `Usage: signalwire-pipeline <step> [--api <name>]
  lint             lint each upstream spec with its <name>@upstream rules
  bundle           apply the overlays, bundle, lint the result with <name>@sdk rules
  generate         generate TypeScript types from each bundle (and, where listed, the
                   \`datedTypes\` and the \`contract\` folder's date plans and validators)
  generate-client  generate a client's parameter rules from each bundle (APIs with a \`client\` folder)
  generate-cli     generate the CLI's CSV columns from each bundle (APIs with a \`cli\` folder)
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
      if (!existsSync(api.bundle)) {
        console.error(
          `✖ generate: ${relative(workspaceDir, api.bundle)} is missing. Run \`pnpm spec:bundle\` first (turbo does).`,
        );
        return false;
      }
      mkdirSync(dirname(api.types), { recursive: true });
      writeFileSync(api.types, await generateTypes(api.bundle, api.name));
      console.log(`✔ generate: ${api.name} → ${relative(workspaceDir, api.types)}`);
      if (api.datedTypes) {
        writeFileSync(api.datedTypes, await generateTypes(api.bundle, api.name, { dates: true }));
        console.log(`✔ generate: ${api.name} → ${relative(workspaceDir, api.datedTypes)}`);
      }
      if (api.contract) {
        mkdirSync(api.contract, { recursive: true });
        for (const [name, text] of contractFiles(api.bundle, api.name))
          writeFileSync(join(api.contract, name), text);
        console.log(
          `✔ generate: ${api.name} → ${relative(workspaceDir, api.contract)} (date plans, validators)`,
        );
      }
    }
    return true;
  },
  "generate-client": (apis) => writeGenerated("generate-client", apis, "client", clientFiles),
  "generate-cli": (apis) => writeGenerated("generate-cli", apis, "cli", cliFiles),
  "check-generated": async (apis) => {
    const drifted = await driftedFiles(apis);
    if (drifted === undefined) console.error("✖ check:generated: could not regenerate (see above).");
    else if (drifted.length > 0) {
      console.error("✖ check:generated: committed generated files differ from what the spec produces:");
      for (const file of drifted) console.error(`  ${file}`);
      console.error(
        "Do not edit generated files. Run `pnpm generate` (after changing spec/ or the overlay) and commit the result.",
      );
    } else console.log(`✔ check:generated: the generated files of ${apis.length} API(s) match the spec.`);
    return drifted?.length === 0;
  },
};

/** The step and its APIs, or undefined after saying what is wrong with the command line. */
function parseCommandLine() {
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { api: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) return console.log(USAGE);
    const step = steps[positionals[0] ?? ""];
    if (!step || positionals.length > 1) {
      throw new Error(positionals.length ? `unknown step "${positionals.join(" ")}"` : "no step given");
    }
    return { step, apis: loadApis(values.api) };
  } catch (error) {
    console.error(`✖ signalwire-pipeline: ${/** @type {Error} */ (error).message}\n\n${USAGE}`);
    process.exitCode = 2;
  }
}

const command = parseCommandLine();
if (command) process.exitCode = (await command.step(command.apis)) ? 0 : 1;

/**
 * Writes the files `filesOf(bundle, name)` makes into each API's `folder` (the APIs without one
 * are skipped); false, with a message, when a bundle is missing.
 *
 * @param {string} step the command's name, for its messages
 * @param {import("./apis.mjs").ApiEntry[]} apis
 * @param {"client" | "cli"} folder
 * @param {(bundle: string, name: string) => [string, string][]} filesOf
 */
function writeGenerated(step, apis, folder, filesOf) {
  for (const api of apis) {
    const target = api[folder];
    if (!target) continue;
    if (!existsSync(api.bundle)) {
      console.error(
        `✖ ${step}: ${relative(workspaceDir, api.bundle)} is missing. Run \`pnpm spec:bundle\` first (turbo does).`,
      );
      return false;
    }
    mkdirSync(target, { recursive: true });
    for (const [name, text] of filesOf(api.bundle, api.name)) writeFileSync(join(target, name), text);
    console.log(`✔ ${step}: ${api.name} → ${relative(workspaceDir, target)}`);
  }
  return true;
}
