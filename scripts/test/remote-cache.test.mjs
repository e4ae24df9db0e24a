// @ts-check
// CI across machines: turbo's remote cache, served by the open-source turborepo-remote-cache on
// 127.0.0.1, shared by two clones of this working tree in two folders. The first builds and
// uploads; the second, with an empty local cache, replays every task from the server (FULL
// TURBO, the same bytes). Artifacts are signed (turbo.json `remoteCache.signature`): a forged
// artifact, or one signed with another key, is refused and the task runs for real; a wrong
// token neither reads nor writes. Every run reads and writes the remote cache only
// (`--cache=remote:…`, a new empty `--cache-dir`), so a hit can only have come from the server.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { after, before, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { pnpmCommand, toolEnv } from "../lib/bootstrap.mjs";
import { startRemoteCache } from "../remote-cache/server.mjs";

const TEAM = "team_signalwire_voice";
const TOKEN = randomBytes(16).toString("hex");
const KEY = randomBytes(32).toString("hex");
// The pipeline's first two steps, lint then overlay + bundle: a real dependency chain and a real
// output (spec/dist/voice.sdk.yaml, which everything downstream is generated from), in seconds.
const BUNDLE = ["spec:bundle", "--filter=@signalwire-voice/spec"];
const SPEC_BUNDLE = "@signalwire-voice/spec#spec:bundle";
// One task, no output but its log: the cheap run for the token and key checks.
const LINT = ["spec:lint", "--filter=@signalwire-voice/spec"];
const SPEC_LINT = "@signalwire-voice/spec#spec:lint";
const TAMPERED = "openapi: 3.1.0\n# This spec came from a forged cache artifact.\n";

const temp = mkdtempSync(join(tmpdir(), "remote-cache-"));
const storage = join(temp, "storage");
const cloneA = join(temp, "clone-a");
const cloneB = join(temp, "clone-b");
mkdirSync(storage);

/** @param {Buffer | string} bytes */
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** @param {string} dir @returns {string[]} every file under `dir`, relative, sorted */
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** @param {string} dir @returns {Record<string, string>} file → sha256, for every file under `dir` */
function contents(dir) {
  return Object.fromEntries(listFiles(dir).map((file) => [file, sha256(readFileSync(join(dir, file)))]));
}

/** What spec:bundle writes in a clone: file → sha256. */
const outputs = (/** @type {string} */ clone) => contents(join(clone, "spec/dist"));

/**
 * The working tree as git sees it (tracked and untracked files, not ignored ones) copied to
 * `dest`: what a fresh clone of this work holds. A stand-in for copyWorkspace() from
 * @signalwire-voice/test-utils.
 * @param {string} root @param {string} dest
 */
function copyWorkingTree(root, dest) {
  const list = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(list.status, 0, `git ls-files in ${root} failed: ${list.stderr}`);
  for (const file of new Set(list.stdout.split("\0").filter(Boolean))) {
    const stat = lstatSync(join(root, file), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue; // deleted in the working tree, not part of the work
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    copyFileSync(join(root, file), join(dest, file));
    chmodSync(join(dest, file), stat.mode & 0o777);
  }
}

/**
 * Runs a command to its end (stopped after `timeoutMs`), its output collected.
 * @param {string} command @param {string[]} args
 * @param {{ cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }} options
 * @returns {Promise<{ status: number | null; output: string }>}
 */
function run(command, args, { cwd, env, timeoutMs = 180_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n[stopped after ${timeoutMs / 1000} s]`;
      child.kill("SIGTERM");
    }, timeoutMs);
    child.once("error", reject);
    child.once("close", (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

/** @type {Promise<Awaited<ReturnType<typeof startRemoteCache>>>} */
let ready;
let serverUrl = "";
let runs = 0;

/**
 * `turbo run` in a clone against the server, reading and writing the remote cache only, with a
 * new empty local cache folder; each task's cache status comes from turbo's run summary.
 * toolEnv's own TURBO_* settings are dropped: a CI job's real remote cache must not leak in.
 * @param {string} clone @param {string[]} args tasks and filter
 * @param {{ token?: string; key?: string; cache?: "remote:rw" | "remote:r" }} [options]
 */
async function turbo(clone, args, { token = TOKEN, key = KEY, cache = "remote:rw" } = {}) {
  const localCache = join(temp, `local-cache-${++runs}`);
  const env = Object.fromEntries(Object.entries(toolEnv).filter(([name]) => !name.startsWith("TURBO_")));
  Object.assign(env, {
    TURBO_TELEMETRY_DISABLED: "1",
    TURBO_API: serverUrl,
    TURBO_TOKEN: token,
    TURBO_TEAM: TEAM,
    TURBO_REMOTE_CACHE_SIGNATURE_KEY: key,
  });
  // A long timeout: on a busy machine a slow upload must not pass for a refused one.
  const flags = [`--cache=${cache}`, `--cache-dir=${localCache}`, "--remote-cache-timeout=120"];
  const { status, output } = await run(
    join(clone, "node_modules/.bin/turbo"),
    ["run", ...args, ...flags, "--summarize", "--output-logs=hash-only", "--no-color"],
    { cwd: clone, env },
  );
  assert.equal(status, 0, `turbo run ${args.join(" ")} failed (exit ${status}):\n${output.slice(-3000)}`);
  const summary = /Summary:\s+(\S+\.json)/.exec(output)?.[1];
  assert.ok(summary, `turbo run --summarize named no summary file:\n${output.slice(-3000)}`);
  /** @type {{ tasks: { taskId: string; hash: string; cache: { status: string; source?: string } }[] }} */
  const { tasks } = JSON.parse(readFileSync(summary, "utf8"));
  const cacheOf = Object.fromEntries(
    tasks.map(({ taskId, hash, cache }) => [taskId, { hash, status: cache.status, source: cache.source }]),
  );
  return { output, tasks: cacheOf, localCacheFiles: listFiles(localCache) };
}

/**
 * A turbo cache artifact: a tar (ustar) of `entries` in a zstd frame of raw, uncompressed
 * blocks, which every zstd decoder reads. A directory entry's bytes are `null`.
 * @param {[string, Buffer | null][]} entries paths relative to the repo root
 */
function cacheArtifact(entries) {
  const blocks = entries.flatMap(([name, bytes]) => {
    const header = Buffer.alloc(512);
    header.write(name, 0, 100);
    header.write(bytes ? "0000644\0" : "0000755\0", 100);
    header.write("0000000\0", 108);
    header.write("0000000\0", 116);
    header.write(`${(bytes?.length ?? 0).toString(8).padStart(11, "0")}\0`, 124);
    header.write("00000000000\0", 136);
    header.fill(" ", 148, 156);
    header.write(bytes ? "0" : "5", 156);
    header.write("ustar\u000000", 257);
    const checksum = header.reduce((sum, byte) => sum + byte, 0);
    header.write(`${checksum.toString(8).padStart(6, "0")}\0 `, 148);
    const padding = Buffer.alloc((512 - ((bytes?.length ?? 0) % 512)) % 512);
    return bytes ? [header, bytes, padding] : [header];
  });
  const tar = Buffer.concat([...blocks, Buffer.alloc(1024)]);
  // Frame header: magic, then single segment with a 4-byte content size, no checksum.
  const frame = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xa0]), Buffer.alloc(4)];
  frame[1]?.writeUInt32LE(tar.length);
  const maxBlock = 128 * 1024;
  for (let at = 0; at < tar.length; at += maxBlock) {
    const chunk = tar.subarray(at, at + maxBlock);
    const last = at + maxBlock >= tar.length ? 1 : 0;
    const blockHeader = Buffer.alloc(3);
    blockHeader.writeUIntLE((chunk.length << 3) | last, 0, 3); // block type 0: raw
    frame.push(blockHeader, chunk);
  }
  return Buffer.concat(frame);
}

before(async () => {
  ready = startRemoteCache({ storage, token: TOKEN });
  copyWorkingTree(repoRoot, cloneA);
  // The second clone from the first, before any build: the same files even if the working
  // tree changes meanwhile.
  cpSync(cloneA, cloneB, { recursive: true });
  const pnpm = pnpmCommand();
  const [server] = await Promise.all([
    ready,
    ...[cloneA, cloneB].map(async (clone) => {
      const started = Date.now();
      const args = [...pnpm.prefix, "install", "--offline", "--frozen-lockfile"];
      const { status, output } = await run(pnpm.command, args, { cwd: clone, env: toolEnv });
      assert.equal(status, 0, `pnpm install --offline in ${clone} failed:\n${output.slice(-3000)}`);
      console.log(`pnpm install --offline in ${relative(temp, clone)}: ${Date.now() - started} ms`);
    }),
  ]);
  serverUrl = server.url;
});

after(async () => {
  const server = await ready?.catch(() => undefined);
  await server?.stop();
  rmSync(temp, { recursive: true, force: true });
});

describe("turbo's remote cache across machines (turborepo-remote-cache on 127.0.0.1)", () => {
  /** @type {Awaited<ReturnType<typeof turbo>>["tasks"]} */
  let built = {};
  /** @type {Record<string, string>} */
  let uploaded = {};

  test("the first clone runs every task and uploads it with its signature; nothing is cached locally", async () => {
    const first = await turbo(cloneA, BUNDLE);
    built = first.tasks;
    assert.deepEqual(Object.keys(built).sort(), [SPEC_BUNDLE, SPEC_LINT], first.output);
    uploaded = contents(storage);
    for (const [task, { hash, status }] of Object.entries(built)) {
      assert.equal(status, "MISS", `${task} should have run: the server was empty`);
      assert.ok(uploaded[`${TEAM}/${hash}`], `${task}'s artifact ${hash} is not on the server`);
      assert.ok(
        uploaded[`${TEAM}/${hash}.tag`],
        `${task}'s artifact ${hash} was uploaded without a signature`,
      );
    }
    assert.deepEqual(first.localCacheFiles, []);
    assert.deepEqual(Object.keys(outputs(cloneA)), ["voice.sdk.yaml"]);
  });

  test("a second clone with an empty local cache replays every task from the server: FULL TURBO, same bytes", async () => {
    assert.deepEqual(outputs(cloneB), {}, "the second clone starts without a build");
    const second = await turbo(cloneB, BUNDLE);
    assert.match(second.output, />>> FULL TURBO/);
    for (const [task, { hash }] of Object.entries(built)) {
      assert.deepEqual(second.tasks[task], { hash, status: "HIT", source: "REMOTE" }, task);
    }
    assert.deepEqual(outputs(cloneB), outputs(cloneA));
    assert.deepEqual(second.localCacheFiles, []);
    assert.deepEqual(contents(storage), uploaded, "a replay uploads nothing");
  });

  test("a forged artifact is refused: the task runs for real and the forgery never lands", async () => {
    const { hash = "" } = built[SPEC_BUNDLE] ?? {};
    // The honest artifact's files, repacked with the bundle replaced; the honest signature kept.
    const log = "spec/.turbo/turbo-spec$colon$bundle.log";
    /** @type {[string, Buffer | null][]} */
    const entries = [
      [log, readFileSync(join(cloneA, log))],
      ["spec/dist/", null],
    ];
    for (const file of listFiles(join(cloneA, "spec/dist"))) {
      const bytes =
        file === "voice.sdk.yaml" ? Buffer.from(TAMPERED) : readFileSync(join(cloneA, "spec/dist", file));
      entries.push([`spec/dist/${file}`, bytes]);
    }
    writeFileSync(join(storage, TEAM, hash), cacheArtifact(entries));
    const bundle = join(cloneB, "spec/dist/voice.sdk.yaml");
    rmSync(join(cloneB, "spec/dist"), { recursive: true, force: true });
    // Read-only, so that the honest rebuild does not replace the forgery on the server.
    const refused = await turbo(cloneB, BUNDLE, { cache: "remote:r" });
    assert.deepEqual(refused.tasks[SPEC_BUNDLE], { hash, status: "MISS", source: undefined });
    assert.deepEqual(refused.tasks[SPEC_LINT], { ...built[SPEC_LINT], status: "HIT", source: "REMOTE" });
    assert.match(refused.output, new RegExp(`spec:bundle: cache miss, executing ${hash}`));
    assert.deepEqual(outputs(cloneB), outputs(cloneA), "the rebuild's bytes are the honest ones");

    // The same forgery with signatures off is accepted: only the signature kept it out.
    const turboJson = join(cloneB, "turbo.json");
    const config = readFileSync(turboJson, "utf8");
    assert.match(config, /"signature": true/, "turbo.json must keep remoteCache.signature on");
    writeFileSync(turboJson, config.replace('"signature": true', '"signature": false'));
    try {
      rmSync(join(cloneB, "spec/dist"), { recursive: true, force: true });
      const unsigned = await turbo(cloneB, BUNDLE, { cache: "remote:r" });
      assert.deepEqual(unsigned.tasks[SPEC_BUNDLE], { hash, status: "HIT", source: "REMOTE" });
      assert.equal(readFileSync(bundle, "utf8"), TAMPERED);
    } finally {
      writeFileSync(turboJson, config);
      rmSync(join(cloneB, "spec/dist"), { recursive: true, force: true });
    }
  });

  test("a wrong TURBO_TOKEN neither downloads nor uploads: the task runs, the server is unchanged", async () => {
    const stored = contents(storage);
    const result = await turbo(cloneB, LINT, { token: "not-the-token" });
    const { hash } = built[SPEC_LINT] ?? {};
    assert.deepEqual(result.tasks[SPEC_LINT], { hash, status: "MISS", source: undefined });
    assert.match(result.output, /failed to contact remote cache: .*401 Unauthorized/);
    assert.deepEqual(contents(storage), stored);
  });

  test("another TURBO_REMOTE_CACHE_SIGNATURE_KEY: its clone refuses the team's artifact, and the team refuses the one it re-signs", async () => {
    const { hash = "" } = built[SPEC_LINT] ?? {};
    const tag = `${TEAM}/${hash}.tag`;
    const stored = contents(storage);
    const other = await turbo(cloneB, LINT, { key: randomBytes(32).toString("hex") });
    assert.deepEqual(other.tasks[SPEC_LINT], { hash, status: "MISS", source: undefined });
    assert.doesNotMatch(other.output, /failed to contact remote cache/, "a bad signature is a silent miss");
    assert.notEqual(contents(storage)[tag], stored[tag], "it uploads its own build, signed with its key");
    const team = await turbo(cloneB, LINT, { cache: "remote:r" });
    assert.deepEqual(team.tasks[SPEC_LINT], { hash, status: "MISS", source: undefined });
  });
});
