// @ts-check
// Times spec-diff against plain `redocly diff` on two real revisions of SignalWire's combined
// REST spec (~1.9 MB, 151 paths, 912 schemas), side by side, and prints the ratio. Both are in
// the repo: the older in bench/fixtures/ (SOURCE.md says where it came from), the newer is the
// `rest` API's upstream in the pipeline's list, which packages/rest-types commits.
// Not a test: tests must not depend on 4 MB of YAML or on timing.
// Usage: pnpm --filter @signalwire-voice/spec-diff bench [base.yaml head.yaml] [--runs N] [--json]
// --json: the lines go to stderr, and stdout gets one JSON object with every run of each tool
// and the revisions compared (what scripts/bench.mjs reads).
// Needs a build first (`pnpm build`). Both tools run as fresh processes, as users run them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadApis, redoclyBin } from "@signalwire-voice/pipeline";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [rest] = loadApis("rest");
/** The pair compared when no files are given, each with its signalwire/docs revision. */
const defaultPair = [
  {
    file: join(packageDir, "bench/fixtures/signalwire-rest-2026-05-13-3af40ddeeb.yaml"),
    revision: "2026-05-13-3af40ddeeb",
  },
  // The revision packages/rest-types/spec/provenance.json records for this file.
  { file: rest?.upstream ?? "", revision: "2026-08-21-668371b217" },
];
const argv = process.argv.slice(2);
const runsAt = argv.indexOf("--runs");
const runs = runsAt === -1 ? 3 : Number(argv[runsAt + 1]);
const json = argv.includes("--json");
const print = json ? console.error : console.log;
/** Every run of each tool, by name: the --json output. @type {Record<string, unknown>} */
const samples = {};
const files = argv.filter((arg, index) => !arg.startsWith("--") && index !== runsAt + 1);
const pair =
  files.length === 2 ? files.map((file) => ({ file: resolve(file), revision: basename(file) })) : defaultPair;
const [base, head] = pair.map(({ file }) => file);
const revisions = pair.map(({ revision }) => revision).join(" → ");
const cli = join(packageDir, "dist/cli.mjs");
if (!existsSync(cli)) {
  console.error(`✖ bench: ${cli} is missing. Run \`pnpm build\` first.`);
  process.exit(1);
}
for (const file of [base, head]) {
  if (!file || !existsSync(file)) {
    console.error(`✖ bench: the spec ${file} is missing. Pass two spec files that exist.`);
    process.exit(1);
  }
}
const redocly = redoclyBin;
// redocly reads redocly.yaml from its cwd; plain means: no config, its own defaults.
const plainCwd = mkdtempSync(join(tmpdir(), "redocly-plain-"));
const output = join(plainCwd, "out.json");
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };

/** @param {string[]} args @param {string} cwd */
function time(args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`${args.join(" ")} failed (exit ${result.status}):\n${result.stderr}`);
  const report = JSON.parse(readFileSync(output, "utf8"));
  return { seconds, bump: report.bump, changes: report.changes.length };
}

/** @param {() => { seconds: number; bump: string; changes: number }} run @param {string} name */
function median(run, name) {
  const results = Array.from({ length: runs }, run).sort((a, b) => a.seconds - b.seconds);
  samples[name] = results;
  return /** @type {{ seconds: number; bump: string; changes: number }} */ (
    results[Math.floor(results.length / 2)]
  );
}

try {
  const size = (/** @type {string} */ file) => `${(statSync(file).size / 1e6).toFixed(2)} MB`;
  print(
    `base ${base} (${size(base ?? "")})\nhead ${head} (${size(head ?? "")})\nmedian of ${runs} runs each\n`,
  );
  const plain = median(
    () =>
      time(
        [redocly, "diff", base ?? "", head ?? "", "--format", "json", "--fail-on", "none", "-o", output],
        plainCwd,
      ),
    "redocly diff",
  );
  const ours = median(
    () =>
      time(
        [
          cli,
          "--base",
          base ?? "",
          "--head",
          head ?? "",
          "--no-overlay",
          "--format",
          "json",
          "--output",
          output,
        ],
        packageDir,
      ),
    "spec-diff",
  );
  const row = (/** @type {string} */ name, /** @type {typeof plain} */ r) =>
    `${name.padEnd(28)} ${r.seconds.toFixed(2).padStart(6)} s   bump ${r.bump.padEnd(5)}  ${r.changes} changes`;
  print(row("redocly diff (plain)", plain));
  print(row("spec-diff --no-overlay", ours));
  print(`\nratio spec-diff / redocly diff: ${(ours.seconds / plain.seconds).toFixed(2)}×`);
  if (json) console.log(JSON.stringify({ base, head, revisions, runs: samples }));
} finally {
  rmSync(plainCwd, { recursive: true, force: true });
}
