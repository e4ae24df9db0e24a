// @ts-check
// The API list the pipeline builds, read from spec/apis.json (see its $comment).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const specDir = join(repoRoot, "spec");
const configPath = join(specDir, "apis.json");

/**
 * @typedef {object} ApiEntry
 * @property {string} name       key in spec/apis.json, and the prefix of its redocly.yaml entries
 * @property {string} upstream   absolute path of the vendor's document
 * @property {string[]} overlays absolute paths of our overlays, applied in order
 * @property {string} bundle     absolute path of the bundled SDK spec (build output)
 * @property {string} types      absolute path of the generated TypeScript
 */

/**
 * Every API of spec/apis.json, or only `only` when given.
 * @param {string} [only]
 * @returns {ApiEntry[]}
 */
export function loadApis(only) {
  /** @type {{ apis: Record<string, { upstream: string; overlays?: string[]; bundle: string; types: string }> }} */
  const config = JSON.parse(readFileSync(configPath, "utf8"));
  const entries = Object.entries(config.apis).map(([name, api]) => ({
    name,
    upstream: resolve(specDir, api.upstream),
    overlays: (api.overlays ?? []).map((path) => resolve(specDir, path)),
    bundle: resolve(specDir, api.bundle),
    types: resolve(specDir, api.types),
  }));
  if (only === undefined) return entries;
  const found = entries.filter((api) => api.name === only);
  if (found.length === 0) {
    const known = entries.map((api) => api.name).join(", ");
    throw new Error(`No API named "${only}" in spec/apis.json (known: ${known}). Add an entry there first.`);
  }
  return found;
}

/**
 * The value of `--name value` in argv, or undefined.
 * @param {string} name
 * @param {string[]} [argv]
 */
export function flag(name, argv = process.argv.slice(2)) {
  const index = argv.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value.`);
  return value;
}
