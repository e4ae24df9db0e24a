// @ts-check
// Bundle sizes, min+gzip, from size-limit (the budgets already set in packages/client and
// packages/pagination, `--json`), next to openapi-fetch alone and the types package, measured the
// same way. Sizes are deterministic: one sample each.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { measure } from "./measure.mjs";

const section = "Bundle sizes: min+gzip (size-limit, esbuild), ESM";

/** @param {string} copy @param {string} dir package folder @param {string[]} files none: its own budgets */
function sizeLimit(copy, dir, files = []) {
  const cwd = join(copy, dir);
  const bin = join(
    dirname(createRequire(join(cwd, "package.json")).resolve("size-limit/package.json")),
    "bin.js",
  );
  const { stdout } = measure(process.execPath, [bin, "--json", ...files], { cwd });
  /** @type {Array<{ name: string; size: number; passed?: boolean; sizeLimit?: number }>} */
  const results = JSON.parse(stdout); // several lines: not lastJson()
  return results;
}

/** @param {string} copy @returns {import("./report.mjs").Figure[]} */
export function sizeFigures(copy) {
  const client = createRequire(join(copy, "packages/client/package.json"));
  const openapiFetch = join(dirname(client.resolve("openapi-fetch/package.json")), "dist/index.mjs");
  const [alone] = sizeLimit(copy, "packages/client", [openapiFetch]);
  const [types] = sizeLimit(copy, "packages/client", ["../types/dist/index.mjs"]);
  const base = alone?.size ?? Number.NaN;
  /** @param {string} pkg @param {{ name: string; size: number; passed?: boolean; sizeLimit?: number }} entry @param {number} index */
  const budgeted = (pkg, entry, index) => ({
    id: `size.${pkg}.${index}`,
    section,
    label: entry.name.startsWith(pkg) ? entry.name : `${pkg}: ${entry.name}`,
    unit: "B",
    samples: [entry.size],
    ratio: { label: "vs openapi-fetch alone", samples: [entry.size / base] },
    goal: { text: `≤ ${entry.sizeLimit} B (its size-limit budget)`, met: entry.passed === true },
  });
  return [
    {
      id: "size.openapi-fetch",
      section,
      label: "openapi-fetch alone (its whole ESM entry), for comparison",
      unit: "B",
      samples: [base],
    },
    {
      id: "size.types",
      section,
      label: "@signalwire-voice/types: its whole entry (types only)",
      unit: "B",
      samples: [types?.size ?? Number.NaN],
      note: "zero runtime: importing the types adds no JavaScript",
    },
    ...sizeLimit(copy, "packages/client").map((entry, index) =>
      budgeted("@signalwire-voice/client", entry, index),
    ),
    ...sizeLimit(copy, "packages/pagination").map((entry, index) =>
      budgeted("@signalwire-voice/pagination", entry, index),
    ),
    {
      id: "size.mock-server",
      section,
      label: "@signalwire-voice/mock-server",
      unit: "B",
      samples: [],
      skipped: "a Node server (node:http), not meant for bundles",
    },
  ];
}
