// @ts-check
// Contract figures: what the client's opt-in entry points cost per 1000-log page, Date revival
// (@signalwire-voice/client/dates) and response validation (@signalwire-voice/client/validation),
// beside zod validating the same pages, from this package's contract.bench.mjs in the bench's copy.
import { packageBench, pick } from "./package-bench.mjs";
import { perRound, summarize } from "./stats.mjs";

/** @typedef {import("./report.mjs").Figure} Figure */
/** @typedef {{ name: string; bytes: number; logs: number; dates: number; cpuMicroseconds: Record<string, number[]> }} Page */

/** Ajv's budget per 1000-log page, in µs of CPU. */
const ajvBudget = 2000;

/** @param {string} copy @param {{ rounds: number }} options @returns {Figure[]} */
export function contractFigures(copy, { rounds }) {
  const section =
    "Contract: Date revival and response validation, CPU time per 1000-log page, in process (the mock's pages)";
  /** @type {{ batch: number; pages: Page[] }} */
  const report = packageBench(copy, [
    "packages/bench/src/contract.bench.mjs",
    ...["--json", "--rounds", String(rounds)],
  ]);
  return report.pages.flatMap((page) => {
    const side = (/** @type {string} */ name) => pick(page.cpuMicroseconds, name, "contract.bench.mjs");
    const parse = side("JSON.parse");
    const get = side("GET");
    const dated = side("withDates GET");
    const ajv = side("Ajv checkResponse");
    const zod = side("zod safeParse");
    const revival = side("withDates revival");
    const ms = (/** @type {number[]} */ samples) => (summarize(samples).median / 1000).toFixed(2);
    const id = page.name.replace(/\W+/g, "-");
    const of = `a 1000-log page, ${page.name} (${Math.round(page.bytes / 1024)} KiB)`;
    const runs = `(${report.batch} pages × ${rounds} rounds)`;
    return [
      {
        id: `contract.json-parse.${id}`,
        section,
        label: `\`JSON.parse\` of ${of}, for scale ${runs}`,
        unit: "µs/page",
        samples: parse,
      },
      {
        id: `contract.dates.${id}`,
        section,
        label: `Date revival: \`withDates\` on ${of}, parsed just before (untimed) ${runs}`,
        unit: "µs/page",
        samples: revival,
        ratio: { label: "vs `JSON.parse` of the page", samples: perRound(revival, parse) },
        note: `${page.dates} date-time fields made \`Date\`s. Through the client (its fetch answering the page's text, no server): \`withDates(client).GET("/logs")\` ${ms(dated)} ms against \`client.GET("/logs")\` ${ms(get)} ms, ${summarize(perRound(dated, get)).median.toFixed(3)}× (median of rounds)`,
      },
      {
        id: `contract.ajv.${id}`,
        section,
        label: `Ajv: \`checkResponse("GET /logs", 200, page)\`, ${of} ${runs}`,
        unit: "µs/page",
        samples: ajv,
        ratio: { label: "vs `JSON.parse` of the page", samples: perRound(ajv, parse) },
        goal: {
          text: `≤ ${ajvBudget / 1000} ms a page`,
          met: summarize(ajv).median <= ajvBudget,
        },
        note: `${ms(ajv)} ms; Ajv checks every keyword of the spec, formats included (date-time, uuid), and each log against the members of the VoiceLog union in turn until one fits (anyOf)`,
      },
      {
        id: `contract.zod.${id}`,
        section,
        label: `zod: \`LogListResponseSchema.safeParse(page)\` (redocly generate-client's zod schemas), ${of} ${runs}`,
        unit: "µs/page",
        samples: zod,
        ratio: { label: "zod vs Ajv", samples: perRound(zod, ajv) },
        note: `${ms(zod)} ms; checks less than Ajv: redocly's zod schemas check no formats (date-time and uuid are plain \`z.string()\`), and it copies the page (what it returns drops unknown keys)`,
      },
    ];
  });
}
