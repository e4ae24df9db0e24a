// @ts-check
// What the pipeline generates for the packages beside the types: a client's checks before
// sending, the contract both the client and the mock server's tests run (date plans and
// response validators), and the CLI's CSV columns, one file each.
import { generateDates } from "./dates.mjs";
import { generateLogColumns } from "./log-columns.mjs";
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

/**
 * The generated files of an API's CLI, as `[file name, text]` in its `cli` folder: the columns
 * of a log in CSV.
 * @example
 * for (const [name, text] of cliFiles(api.bundle, api.name)) writeFileSync(join(api.cli, name), text);
 * @param {string} bundlePath
 * @param {string} apiName
 * @returns {[name: string, text: string][]}
 */
export function cliFiles(bundlePath, apiName) {
  return [["log-columns.ts", generateLogColumns(bundlePath, apiName)]];
}
