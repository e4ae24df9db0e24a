// @ts-check
// What a client package generates from its API's bundle: the checks before sending, the date
// plans and the response validators, one file each.
import { generateDates } from "./dates.mjs";
import { generateParameters } from "./parameters.mjs";
import { generateValidators } from "./validators.mjs";

/**
 * The generated files of an API's client, as `[file name, text]` in its `client` folder.
 * @example
 * for (const [name, text] of clientFiles(api.bundle, api.name)) writeFileSync(join(api.client, name), text);
 * @param {string} bundlePath
 * @param {string} apiName
 * @returns {[name: string, text: string][]}
 */
export function clientFiles(bundlePath, apiName) {
  return [
    ["parameters.ts", generateParameters(bundlePath, apiName)],
    ["dates.ts", generateDates(bundlePath, apiName)],
    ["validators.ts", generateValidators(bundlePath, apiName)],
  ];
}
