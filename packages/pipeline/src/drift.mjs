// @ts-check
// The drift check: bundle and generate every API into a temp folder and compare with the
// committed files, so a hand edit of generated code, or a spec change that was not
// regenerated, fails CI naming each file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { loadApis, workspaceDir } from "./apis.mjs";
import { bundleApi } from "./bundle.mjs";
import { clientFiles, cliFiles, contractFiles } from "./client-files.mjs";
import { generateTypes } from "./generate.mjs";

/**
 * The workspace-relative paths of committed generated files that differ from a fresh
 * regeneration, or undefined when regenerating failed (redocly's reasons are printed).
 * @example
 * const drifted = await driftedFiles(); // [] when everything matches
 * @param {import("./apis.mjs").ApiEntry[]} [apis]
 * @returns {Promise<string[] | undefined>}
 */
export async function driftedFiles(apis = loadApis()) {
  const work = mkdtempSync(join(tmpdir(), "check-generated-"));
  try {
    /** @type {string[]} */
    const drifted = [];
    for (const api of apis) {
      const bundle = bundleApi(api, join(work, basename(api.bundle)), false);
      if (!bundle) return undefined;
      /** @type {[path: string, text: string][]} */
      const outputs = [[api.types, await generateTypes(bundle, api.name)]];
      if (api.datedTypes)
        outputs.push([api.datedTypes, await generateTypes(bundle, api.name, { dates: true })]);
      if (api.contract)
        for (const [name, text] of contractFiles(bundle, api.name))
          outputs.push([join(api.contract, name), text]);
      if (api.client)
        for (const [name, text] of clientFiles(bundle, api.name))
          outputs.push([join(api.client, name), text]);
      if (api.cli)
        for (const [name, text] of cliFiles(bundle, api.name)) outputs.push([join(api.cli, name), text]);
      for (const [path, fresh] of outputs) {
        if (!existsSync(path) || readFileSync(path, "utf8") !== fresh)
          drifted.push(relative(workspaceDir, path));
      }
    }
    return drifted;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
