// @ts-check
// The API list the pipeline builds, read from this package's apis.json (see its $comment).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * @typedef {object} ApiEntry
 * @property {string} name       key in apis.json, and the prefix of its redocly config entries
 * @property {string} upstream   absolute path of the vendor's document
 * @property {string[]} overlays absolute paths of our overlays, applied in order
 * @property {string} bundle     absolute path of the bundled SDK spec (build output)
 * @property {string} types      absolute path of the generated TypeScript
 * @property {string} [datedTypes] absolute path of the types with `Date` for each date-time, if the API has them
 * @property {string} [contract] absolute path of the folder of the generated date plans and response validators, if the API has one
 * @property {string} [client] absolute path of the folder of a client's generated checks before sending, if the API has one
 * @property {string} [cli] absolute path of the folder of the CLI's generated CSV columns, if the API has one
 */

/** @typedef {{ upstream: string; overlays?: string[]; bundle: string; types: string; datedTypes?: string; contract?: string; client?: string; cli?: string }} ApiConfig */
/** @type {{ root: string; config: string; apis: Record<string, ApiConfig> }} */
const config = JSON.parse(readFileSync(join(packageDir, "apis.json"), "utf8"));

/** The workspace folder every path of apis.json is relative to; redocly runs from here. */
export const workspaceDir = resolve(packageDir, config.root);
/** redocly's lint configuration: the `<name>@upstream` and `<name>@sdk` rules of each API. */
export const redoclyConfig = resolve(workspaceDir, config.config);

/**
 * Every API of apis.json, or only `only` when given.
 * @example
 * const [voice] = loadApis("voice"); // voice.upstream → "/…/spec/voice.yaml"
 * @param {string} [only]
 * @returns {ApiEntry[]}
 */
export function loadApis(only) {
  const at = (/** @type {string} */ path) => resolve(workspaceDir, path);
  const entries = Object.entries(config.apis).map(([name, api]) => ({
    name,
    upstream: at(api.upstream),
    overlays: (api.overlays ?? []).map(at),
    bundle: at(api.bundle),
    types: at(api.types),
    ...(api.datedTypes && { datedTypes: at(api.datedTypes) }),
    ...(api.contract && { contract: at(api.contract) }),
    ...(api.client && { client: at(api.client) }),
    ...(api.cli && { cli: at(api.cli) }),
  }));
  if (only === undefined) return entries;
  const found = entries.filter((api) => api.name === only);
  if (found.length === 0) {
    const known = entries.map((api) => api.name).join(", ");
    throw new Error(
      `No API named "${only}" in the pipeline's apis.json (known: ${known}). Add an entry there first.`,
    );
  }
  return found;
}

/**
 * The files whose change changes what the pipeline produces for the published SDK (the voice
 * API), as workspace-relative globs: the spec-diff PR check runs when one of them changes, and
 * the turbo tasks that lint and bundle the spec list them as inputs (a test checks both).
 * @example
 * specInputs() // ["spec/voice.yaml", "spec/overlays/sdk.yaml", "redocly.yaml", "packages/pipeline/apis.json", …]
 * @param {string} [name] the API (default voice)
 * @returns {string[]}
 */
export function specInputs(name = "voice") {
  const api = config.apis[name];
  if (!api) throw new Error(`No API named "${name}" in the pipeline's apis.json.`);
  const self = (/** @type {string} */ path) => relativeToWorkspace(join(packageDir, path));
  return [
    api.upstream,
    ...(api.overlays ?? []),
    config.config,
    self("apis.json"),
    self("package.json"),
    self("src/**"),
  ];
}

/** @param {string} path */
function relativeToWorkspace(path) {
  return path
    .slice(workspaceDir.length + 1)
    .split("\\")
    .join("/");
}
