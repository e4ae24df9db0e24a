// @ts-check
// `pnpm spec:update <file>`: from "SignalWire published a new spec" to a reviewable change.
// Replaces spec/voice.yaml with <file>, lints it, bundles it with our overlay, regenerates the
// types, compares it with the previous spec and writes the changeset. Any failure puts the
// previous spec (and its bundle and types) back, so a bad document changes nothing.
// Usage: pnpm spec:update <file> [--prebuilt]
//   --prebuilt  use packages/spec-diff/dist as it is (skip the turbo build; for tests)
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bundleApi, generateTypes, lintApi, loadApis } from "@signalwire-voice/pipeline";
import { repoRoot } from "./lib/apis.mjs";
import { loadSpecDiff } from "./spec-diff.mjs";

/** @type {{ positionals: string[]; values: { prebuilt?: boolean } }} */
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { prebuilt: { type: "boolean" } } });
} catch (error) {
  fail(`${/** @type {Error} */ (error).message} Usage: pnpm spec:update <file> [--prebuilt]`);
}
const input = args.positionals[0];
/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`✖ spec:update: ${message}`);
  process.exit(1);
}
if (!input) fail("which file? Usage: pnpm spec:update <file> (the new upstream OpenAPI document).");
const source = resolve(process.env.INIT_CWD ?? process.cwd(), /** @type {string} */ (input));
if (!existsSync(source)) fail(`${source} does not exist. Pass the path of the downloaded spec.`);
const text = readFileSync(source, "utf8");

const api = loadApis("voice")[0] ?? fail("the pipeline's apis.json has no `voice` API.");
const show = (/** @type {string} */ path) => relative(repoRoot, path);
const work = mkdtempSync(join(tmpdir(), "spec-update-"));
const previous = join(work, "voice.previous.yaml");
copyFileSync(api.upstream, previous);
const previousTypes = readFileSync(api.types, "utf8");

/**
 * Puts the previous spec, bundle and types back.
 * @param {string} why
 * @returns {never}
 */
function restore(why) {
  copyFileSync(previous, api.upstream);
  writeFileSync(api.types, previousTypes);
  bundleApi(api, api.bundle, false);
  rmSync(work, { recursive: true, force: true });
  fail(`${why} ${show(api.upstream)} and the generated types are unchanged.`);
}

/**
 * The provenance record (spec/provenance/<api>.json) of a spec taken from `file`: its hash
 * lets a test prove the upstream document is never edited by hand afterwards.
 * @param {string} file
 * @param {string} contents
 */
function provenance(file, contents) {
  const record = {
    $comment:
      "Where the upstream spec came from, and its SHA-256 when taken: a test fails if the file is edited by hand. `pnpm spec:update <file>` rewrites this record.",
    source: `${file}, taken by \`pnpm spec:update\` on ${new Date().toISOString().slice(0, 10)}`,
    sha256: createHash("sha256").update(contents).digest("hex"),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

try {
  writeFileSync(api.upstream, text);
  console.log(`▶ Replaced ${show(api.upstream)} with ${input}.`);

  if (!lintApi(api)) restore(`${input} has lint errors (above).`);
  console.log(`✔ Linted (${api.name}@upstream).`);

  if (!bundleApi(api, api.bundle))
    restore("the bundle (spec + overlay) failed (above); the overlay may need updating.");
  console.log(
    `✔ Bundled with ${api.overlays.map(show).join(", ")} → ${show(api.bundle)} (strict lint passed).`,
  );

  writeFileSync(api.types, await generateTypes(api.bundle, api.name));
  console.log(`✔ Regenerated ${show(api.types)}.`);

  const specDiff = await loadSpecDiff({ build: !args.values.prebuilt });
  const report = await specDiff.diffSpecs({
    base: previous,
    head: api.upstream,
    cwd: repoRoot,
    overlays: api.overlays,
    labels: { base: `${show(api.upstream)} (before)`, head: show(api.upstream) },
  });
  console.log(`\n${specDiff.formatMarkdown(report)}`);

  const changeset = specDiff.writeChangeset(report, join(repoRoot, ".changeset"));
  console.log(
    changeset.written
      ? `✔ Wrote ${show(changeset.path)}: ${changeset.packages.map((p) => `${p.name} ${p.bump}`).join(", ")}.`
      : `• ${changeset.reason}`,
  );
  const record = join(repoRoot, "spec/provenance", `${api.name}.json`);
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(record, provenance(basename(source), text));
  console.log(`✔ Recorded where the spec came from in ${show(record)}.`);
  console.log(`\n✔ spec:update done. Bump: ${report.bump}. Review the diff, run \`pnpm test\`, and commit.`);
} catch (error) {
  console.error(error);
  restore("an unexpected error stopped the update (above).");
} finally {
  rmSync(work, { recursive: true, force: true });
}
