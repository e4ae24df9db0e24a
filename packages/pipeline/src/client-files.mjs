// @ts-check
// What the pipeline generates for the packages beside the types: a client's checks before
// sending, and the contract both the client and the mock server's tests run (date plans and
// response validators), one file each.
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
  return [["parameters.ts", generateParameters(bundlePath, apiName)]];
}

/**
 * The generated contract of an API, as `[file name, text]` in its `contract` folder: where the
 * responses hold dates, and a validate function per response body.
 * @example
 * for (const [name, text] of contractFiles(api.bundle, api.name)) writeFileSync(join(api.contract, name), text);
 * @param {string} bundlePath
 * @param {string} apiName
 * @returns {[name: string, text: string][]}
 */
export function contractFiles(bundlePath, apiName) {
  return [
    ["dates.ts", generateDates(bundlePath, apiName)],
    ["validators.ts", generateValidators(bundlePath, apiName)],
  ];
}
