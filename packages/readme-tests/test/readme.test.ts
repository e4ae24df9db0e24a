import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPECTED } from "./expected-output.js";
import { type CodeBlock, extractBlocks } from "./helpers/blocks.js";
import { typecheck, writeBlocks } from "./helpers/compile.js";
import { type Consumer, createConsumer } from "./helpers/consumer.js";
import { runBlock } from "./helpers/run-block.js";

// Every TypeScript block of the root README and of each package's README, as a user meets it:
// pasted into a project of their own that installed the packed packages, compiled under
// `strict` (with and without exactOptionalPropertyTypes), and run with SIGNALWIRE_BASE_URL and
// credentials pointing at a mock server. What each block must print is in expected-output.ts.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
// The published packages' READMEs: what users read and copy. Private packages (tools, test
// helpers) cannot be installed, so their examples are not a user's code.
const published = (name: string) =>
  !(
    JSON.parse(readFileSync(join(repoRoot, "packages", name, "package.json"), "utf8")) as {
      private?: boolean;
    }
  ).private;
const readmes = [
  "README.md",
  ...readdirSync(join(repoRoot, "packages"))
    .filter((name) => existsSync(join(repoRoot, "packages", name, "package.json")) && published(name))
    .map((name) => `packages/${name}/README.md`)
    .filter((path) => existsSync(join(repoRoot, path))),
];
const CREDENTIALS = { projectId: "readme-project", token: "readme-token" };
const blocks = readmes.flatMap((readme) => extractBlocks(repoRoot, readme));
const runnable = blocks.filter((block) => block.run);

let consumer: Consumer;
let files: Map<string, CodeBlock>;
let strict: Promise<string[]>;
let exact: Promise<string[]>;
beforeAll(async () => {
  consumer = await createConsumer(repoRoot);
  files = writeBlocks(consumer, blocks);
  // Both at once; the strict run also emits the JavaScript that is run below.
  strict = typecheck(consumer, "tsconfig.strict.json", files);
  exact = typecheck(consumer, "tsconfig.exact.json", files);
  await Promise.all([strict, exact]);
});
afterAll(() => {
  if (consumer) rmSync(consumer.dir, { recursive: true, force: true });
});

describe("the README blocks", () => {
  it("are found in every README that has TypeScript, each under a heading of its own", () => {
    const counts = Object.fromEntries(readmes.map((readme) => [readme, 0]));
    for (const block of blocks) counts[block.readme] = (counts[block.readme] ?? 0) + 1;
    for (const readme of ["README.md", "packages/client/README.md", "packages/pagination/README.md"]) {
      expect(counts[readme], readme).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(blocks.map((block) => block.id)).size).toBe(blocks.length);
  });

  it("import only what the packed packages publish", () => {
    expect(consumer.packages).toEqual([
      "@signalwire-voice/cli",
      "@signalwire-voice/client",
      "@signalwire-voice/mock-server",
      "@signalwire-voice/pagination",
      "@signalwire-voice/types",
    ]);
  });

  it("compile under strict (module nodenext)", async () => {
    expect(await strict).toEqual([]);
  });

  it("compile under strict + exactOptionalPropertyTypes", async () => {
    expect(await exact).toEqual([]);
  });

  it("each runnable block says what it prints, and each expectation has its block", () => {
    const ids = new Set(runnable.map((block) => block.id));
    expect(runnable.filter((block) => !(block.id in EXPECTED)).map((block) => block.id)).toEqual([]);
    expect(Object.keys(EXPECTED).filter((id) => !ids.has(id))).toEqual([]);
  });
});

const withRuns = readmes.filter((readme) => runnable.some((block) => block.readme === readme));
describe.each(withRuns)("run against the mock server: %s", (readme) => {
  const own = runnable.filter((block) => block.readme === readme && block.id in EXPECTED);
  let server: RunningMockServer;
  beforeAll(async () => {
    // Not the mock's default credentials: a block that means to use its own mock server but
    // passes none would take these from the environment, and its server would refuse them.
    server = await startMockServer({ logs: 10_000, ...CREDENTIALS });
  });
  afterAll(() => server?.close());

  it.each(own.map((block) => [block.id, block] as const))("%s", async (_id, block) => {
    const expected = EXPECTED[block.id];
    const result = await runBlock(consumer, block, {
      SIGNALWIRE_BASE_URL: server.baseUrl,
      SIGNALWIRE_PROJECT_ID: CREDENTIALS.projectId,
      SIGNALWIRE_API_TOKEN: CREDENTIALS.token,
    });
    const where = `${block.readme}:${block.line}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
    expect(result.stopped, `still running after 2 minutes (left a server or timer open?) ${where}`).toBe(
      false,
    );
    expect(result.code, where).toBe(0);
    for (const pattern of expected?.stdout ?? []) expect(result.stdout, where).toMatch(pattern);
    expect(result.stderr, where).toMatch(expected?.stderr ?? /^$/);
  });
});
