// @ts-check
// The demo's command line, with no dependency: `npm start` checks it before the long pipeline
// runs, and list-logs.mjs reads it. Node's parseArgs in strict mode: an unknown flag or a
// missing value is a usage error, never ignored.
import { parseArgs } from "node:util";

export const USAGE = `Usage: npm start -- [--pages N] [--page-size N] [--help]

Lists voice logs page by page, then fetches the first live one by id and prints its
events: from your Space when SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN and SIGNALWIRE_SPACE
(or SIGNALWIRE_BASE_URL) are set, else from the mock server it starts in process.

  --pages N       pages to list, then stop (default 5)
  --page-size N   logs per page, 1 to 1000 (default 100)
  -h, --help      this text`;

/** A command line the demo cannot run with; the message says what is wrong. */
export class UsageError extends Error {
  /** @override */
  name = "UsageError";
}

/**
 * Reads the demo's flags.
 *
 * @example
 * parseDemoArgs(["--pages", "3"]) // { help: false, pages: 3, pageSize: 100 }
 *
 * @param {string[]} argv the arguments after the script
 * @returns {{ help: boolean; pages: number; pageSize: number }}
 */
export function parseDemoArgs(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        pages: { type: "string" },
        "page-size": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return {
    help: values.help === true,
    pages: wholeNumber("pages", values.pages, 5, Number.POSITIVE_INFINITY),
    pageSize: wholeNumber("page-size", values["page-size"], 100, 1000),
  };
}

/**
 * @param {string} name @param {string | undefined} text @param {number} fallback @param {number} max
 */
function wholeNumber(name, text, fallback, max) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? "≥ 1" : `from 1 to ${max}`;
    throw new UsageError(`--${name} needs a whole number ${range}, got ${JSON.stringify(text)}.`);
  }
  return value;
}
