import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain, serverEnv, TOKEN } from "./helpers/run-main.js";

let server: RunningMockServer;
let directory: string;
const RANGE = ["--since", "2025-12-31T22:00Z", "--until", "2026-01-01"];

beforeAll(async () => {
  server = await startMockServer({ logs: 300, token: TOKEN });
  directory = mkdtempSync(join(tmpdir(), "cli-export-bad-"));
  // A finished export, and a file that is no export.
  const run = await runMain(
    ["logs", "export", ...RANGE, "--out", join(directory, "done.ndjson"), "--token", TOKEN],
    serverEnv(server),
  );
  expect(run.code).toBe(0);
  writeFileSync(join(directory, "plain.ndjson"), "not an export\n");
  mkdirSync(join(directory, "adir"));
  symlinkSync(join(directory, "nowhere", "x.ndjson"), join(directory, "dangling.ndjson"));
  // A relative link is relative to its own directory, not to where the command runs.
  symlinkSync(join("..", "elsewhere.ndjson"), join(directory, "adir", "relative.ndjson"));
  symlinkSync("loop.ndjson", join(directory, "loop.ndjson"));
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

// [case, the flags after `logs export` (FILE: a file in the test's directory), what stderr says]
const CASES: [string, string[], RegExp][] = [
  [
    "--since after --until",
    ["--since", "2026-01-02", "--until", "2026-01-01"],
    /--since .* must be before --until/,
  ],
  ["--since equal to --until", ["--since", "2026-01-01", "--until", "2026-01-01T00:00Z"], /must be before/],
  [
    "an unparsable --since",
    ["--since", "yesterday", "--until", "2026-01-01"],
    /Bad --since "yesterday": expected a date/,
  ],
  ["an impossible --until", ["--since", "2026-01-01", "--until", "2026-02-30"], /Bad --until "2026-02-30"/],
  [
    "an offset without its colon",
    ["--since", "2026-01-01T10:00+0200", "--until", "2026-02-01"],
    /Bad --since/,
  ],
  ["no --since", ["--until", "2026-01-01"], /Missing --since: give a date/],
  ["no --until", ["--since", "2026-01-01"], /Missing --until/],
  [
    "a --since before 1970",
    ["--since", "0000-01-01", "--until", "2026-01-01"],
    /expected a date from 1970-01-01 on/,
  ],
  ["an unknown format", [...RANGE, "--format", "xml"], /Unknown --format "xml": expected ndjson or csv/],
  [
    "--resume with another --format",
    [...RANGE, "--format", "csv", "--out", "FILE/done.ndjson", "--resume"],
    /has --format ndjson, this command csv/,
  ],
  ["no workers", [...RANGE, "--concurrency", "0"], /Bad --concurrency "0": expected an integer from 1 to 32/],
  ["too many workers", [...RANGE, "--concurrency", "33"], /Bad --concurrency "33"/],
  ["a fraction of a worker", [...RANGE, "--concurrency", "1.5"], /Bad --concurrency "1.5"/],
  [
    "an unknown progress",
    [...RANGE, "--progress", "fancy"],
    /Unknown --progress "fancy": expected auto, bar, lines or json/,
  ],
  [
    "--quiet with --progress",
    [...RANGE, "--quiet", "--progress", "json"],
    /give --quiet or --progress, not both/,
  ],
  [
    "a bad page size",
    [...RANGE, "--page-size", "1001"],
    /Bad --page-size "1001": expected an integer from 1 to 1000/,
  ],
  ["an argument", ["logs.ndjson", ...RANGE], /takes no arguments/],
  [
    "--out in a missing directory",
    [...RANGE, "--out", "FILE/missing/x.ndjson"],
    /Cannot write --out .*\(ENOENT\)/,
  ],
  [
    "--out under a file",
    [...RANGE, "--out", "FILE/plain.ndjson/x.ndjson"],
    /Cannot write --out .*\(ENOTDIR\)/,
  ],
  [
    "--out a directory",
    [...RANGE, "--out", "FILE/adir"],
    /--out .*adir is a directory: name a file in it, e\.g\. --out .*adir\/logs\.ndjson/,
  ],
  ["--resume --out a directory", [...RANGE, "--out", "FILE/adir", "--resume"], /adir is a directory/],
  [
    "--out a symbolic link to nothing",
    [...RANGE, "--out", "FILE/dangling.ndjson"],
    /--out .*dangling\.ndjson is a symbolic link to .*nowhere\/x\.ndjson, which does not exist: give that path as --out, or remove the link/,
  ],
  [
    "--out a relative symbolic link to nothing",
    [...RANGE, "--out", "FILE/adir/relative.ndjson"],
    /is a symbolic link to \/.*\/elsewhere\.ndjson, which does not exist/,
  ],
  [
    "--out a loop of symbolic links",
    [...RANGE, "--out", "FILE/loop.ndjson"],
    /--out .*loop\.ndjson is a loop of symbolic links: remove the link, or choose another --out/,
  ],
  ["--resume to stdout", [...RANGE, "--resume"], /--resume needs --out FILE/],
  [
    "--resume without a state",
    [...RANGE, "--out", "FILE/none.ndjson", "--resume"],
    /no export to resume at .*none\.ndjson/,
  ],
  [
    "--resume without a state, FILE there",
    [...RANGE, "--out", "FILE/plain.ndjson", "--resume"],
    /no export to resume/,
  ],
  [
    "--resume with another --since",
    ["--since", "2025-12-31T21:00Z", "--until", "2026-01-01", "--out", "FILE/done.ndjson", "--resume"],
    /has --since 2025-12-31T22:00:00.000Z, this command 2025-12-31T21:00:00.000Z: resume it with the same flags/,
  ],
  [
    "--resume with --include-deleted added",
    [...RANGE, "--include-deleted", "--out", "FILE/done.ndjson", "--resume"],
    /has --include-deleted false, this command true/,
  ],
  [
    "an existing FILE without --resume",
    [...RANGE, "--out", "FILE/plain.ndjson"],
    /plain\.ndjson exists: add --resume/,
  ],
  ["an exported FILE without --resume", [...RANGE, "--out", "FILE/done.ndjson"], /done\.ndjson exists/],
];

describe.each(CASES)("%s", (_, flags, message) => {
  it("exits 2 with one line naming the fix, sends nothing, changes and leaves no file", async () => {
    const argv = [
      "logs",
      "export",
      ...flags.map((flag) => flag.replace(/^FILE/, directory)),
      "--token",
      TOKEN,
    ];
    const before = readFileSync(join(directory, "done.ndjson.state.json"), "utf8");
    const files = readdirSync(directory, { recursive: true });
    server.clearRequests();
    const run = await runMain(argv, serverEnv(server));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^signalwire-voice: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(TOKEN);
    expect(server.requests).toEqual([]);
    expect(readFileSync(join(directory, "done.ndjson.state.json"), "utf8")).toBe(before);
    expect(readFileSync(join(directory, "plain.ndjson"), "utf8")).toBe("not an export\n");
    expect(readdirSync(directory, { recursive: true })).toEqual(files);
  });
});

it("--since on logs get is refused", async () => {
  const run = await runMain(
    ["logs", "get", "x", "--since", "2026-01-01", "--token", TOKEN],
    serverEnv(server),
  );
  expect(run).toMatchObject({ code: 2, stdout: "" });
  expect(run.stderr).toMatch(/--since belongs to `logs export`, not `logs get`/);
});
