// @ts-check
// `pnpm spec:update <file>`: takes a new upstream voice spec through the pipeline (lint, bundle,
// generate), judges it with spec-diff and writes the changeset; any failure changes nothing.
// The work is spec-diff's `updateSpec`; this entry point builds it and reports.
// Usage: pnpm spec:update <file> [--from <where>] [--prebuilt]
//   --from      where the file came from (URL, repository and commit), for spec/provenance
//   --prebuilt  use packages/spec-diff/dist as it is (skip the turbo build; for tests)
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadSpecDiff } from "./spec-diff.mjs";

const usage =
  "Usage: pnpm spec:update <file> [--from <where it came from>] [--prebuilt] (the new upstream OpenAPI document).";
try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { prebuilt: { type: "boolean" }, from: { type: "string" } },
  });
  if (positionals.length !== 1) throw new Error(`which file? ${usage}`);
  const { updateSpec } = await loadSpecDiff({ build: !values.prebuilt });
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), String(positionals[0]));
  const report = await updateSpec(file, { from: values.from });
  console.log(`\n✔ spec:update done. Bump: ${report.bump}. Review the diff, run \`pnpm test\`, and commit.`);
} catch (error) {
  console.error(`✖ spec:update: ${/** @type {Error} */ (error).message}`);
  process.exitCode = 1;
}
