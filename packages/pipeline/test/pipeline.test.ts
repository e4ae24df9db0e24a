import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { copyWorkspace, localTurboEnv } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceDir as repoRoot } from "../src/index.mjs";

/**
 * The pipeline's failure modes, on a throwaway copy of the repo (the real spec is never
 * touched): the copy holds the root config, spec/, packages/pipeline and packages/types, with their
 * node_modules linked to this checkout's, and runs the same turbo tasks the main job runs.
 * It builds the voice API only: its packages/pipeline/apis.json keeps the `voice` entry (the REST scale
 * proof, packages/rest-types, has its own tests, and `pnpm check:generated` covers its drift).
 */
const generatedPath = "packages/types/src/generated/voice.ts";
let work: string;

function copyRepo(): string {
  // A space in the path, as in many users' checkouts: a script that builds its own file URL
  // or splits a command on spaces breaks the pipeline there.
  const root = copyWorkspace(repoRoot, {
    prefix: "pipeline test ",
    paths: [
      ":(glob)*",
      "spec",
      "packages/pipeline",
      "packages/types",
      "packages/client/src/generated",
      "packages/cli/src/generated",
    ],
  });
  for (const dir of ["", "packages/pipeline"]) {
    symlinkSync(join(repoRoot, dir, "node_modules"), join(root, dir, "node_modules"), "dir");
  }
  // The packages that run the pipeline get their installed tools, but this copy's pipeline.
  for (const dir of ["spec", "packages/types"]) linkInstall(join(repoRoot, dir), join(root, dir), root);
  const apisPath = join(root, "packages/pipeline/apis.json");
  const config = JSON.parse(readFileSync(apisPath, "utf8")) as { apis: Record<string, unknown> };
  writeFileSync(apisPath, JSON.stringify({ ...config, apis: { voice: config.apis.voice } }, null, 2));
  return root;
}

/** `from`'s node_modules in `to`, entry by entry, with the pipeline and its command taken from `root`. */
function linkInstall(from: string, to: string, root: string) {
  const own = new Set([
    ".bin",
    "@signalwire-voice",
    ".bin/signalwire-pipeline",
    "@signalwire-voice/pipeline",
  ]);
  for (const folder of ["", ".bin", "@signalwire-voice"]) {
    mkdirSync(join(to, "node_modules", folder), { recursive: true });
    for (const entry of readdirSync(join(from, "node_modules", folder))) {
      const name = folder ? `${folder}/${entry}` : entry;
      if (!own.has(name)) symlinkSync(join(from, "node_modules", name), join(to, "node_modules", name));
    }
  }
  symlinkSync(join(root, "packages/pipeline/src/cli.mjs"), join(to, "node_modules/.bin/signalwire-pipeline"));
  symlinkSync(join(root, "packages/pipeline"), join(to, "node_modules/@signalwire-voice/pipeline"), "dir");
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, {
    cwd: work,
    encoding: "utf8",
    // The copy's node_modules are this checkout's, linked: pnpm must run the scripts as they are.
    env: localTurboEnv({ NO_COLOR: "1", FORCE_COLOR: "0", pnpm_config_verify_deps_before_run: "false" }),
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** What `npm start` runs, up to generating the types. */
const generateThroughTurbo = () =>
  run(join(work, "node_modules/.bin/turbo"), [
    "run",
    "generate",
    "--filter=@signalwire-voice/types",
    "--force",
  ]);

function editFile(path: string, edit: (text: string) => string) {
  const full = join(work, path);
  const before = readFileSync(full, "utf8");
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(full, after);
  return () => writeFileSync(full, before);
}

beforeAll(() => {
  work = copyRepo();
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the pipeline on a broken spec", () => {
  it("runs clean on the committed spec (the baseline for the cases below)", () => {
    const { status, output } = generateThroughTurbo();
    expect(output).toContain("@signalwire-voice/types:generate");
    expect(status).toBe(0);
    rmSync(join(work, "spec/dist"), { recursive: true, force: true });
  });

  const cases: Array<[string, (text: string) => string, RegExp]> = [
    [
      "a dangling $ref",
      (text) =>
        text.replace("$ref: '#/components/schemas/LogListResponse'", "$ref: '#/components/schemas/LogList'"),
      /no-unresolved-refs/,
    ],
    ["an invalid type", (text) => text.replace("type: boolean", "type: bool"), /struct/],
  ];
  it.each(cases)(
    "stops at spec:lint on %s, naming file, line and rule, and generates nothing",
    (_name, edit, rule) => {
      const generatedBefore = readFileSync(join(work, generatedPath), "utf8");
      const restore = editFile("spec/voice.yaml", edit);
      try {
        const { status, output } = generateThroughTurbo();
        expect(status).not.toBe(0);
        expect(output).toMatch(/spec\/voice\.yaml:\d+:\d+/);
        expect(output).toMatch(rule);
        expect(output).toMatch(/@signalwire-voice\/spec#spec:lint/);
        expect(output).not.toContain("@signalwire-voice/types:generate:");
        expect(existsSync(join(work, "spec/dist/voice.sdk.yaml"))).toBe(false);
        expect(readFileSync(join(work, generatedPath), "utf8")).toBe(generatedBefore);
      } finally {
        restore();
      }
    },
  );

  it("stops at spec:bundle when the overlay breaks a strict rule, and removes the bundle", () => {
    // An action that leaves an event's name without a type.
    const restore = editFile(
      "spec/overlays/sdk.yaml",
      (text) => `${text}  - target: $.components.schemas.LogEvent.properties.name.type\n    remove: true\n`,
    );
    try {
      const { status, output } = generateThroughTurbo();
      expect(status).not.toBe(0);
      expect(output).toMatch(/spec\/dist\/voice\.sdk\.yaml:\d+:\d+/);
      expect(output).toMatch(/rule\/schema-says-its-type/);
      expect(output).not.toContain("@signalwire-voice/types:generate:");
      expect(existsSync(join(work, "spec/dist/voice.sdk.yaml"))).toBe(false);
    } finally {
      restore();
    }
  });
});

describe("check:generated", () => {
  it("passes on the committed output", () => {
    const { status, output } = run(process.execPath, ["packages/pipeline/src/cli.mjs", "check-generated"]);
    expect(output).toContain("match the spec");
    expect(status).toBe(0);
  });

  it("fails, naming the file, when generated code was edited by hand", () => {
    const restore = editFile(generatedPath, (text) =>
      text.replace('"LogListRequest.page_size": number;', '"LogListRequest.page_size": string;'),
    );
    try {
      const { status, output } = run(process.execPath, ["packages/pipeline/src/cli.mjs", "check-generated"]);
      expect(status).toBe(1);
      expect(output).toContain(generatedPath);
      expect(output).toContain("Do not edit generated files");
    } finally {
      restore();
    }
  });

  it("fails when the spec changed and nobody regenerated", () => {
    const restore = editFile("spec/voice.yaml", (text) =>
      text.replace("Include logs for deleted activity.", "Include deleted logs."),
    );
    try {
      const { status, output } = run(process.execPath, ["packages/pipeline/src/cli.mjs", "check-generated"]);
      expect(status).toBe(1);
      expect(output).toContain(generatedPath);
    } finally {
      restore();
    }
  });
});

describe("the client's generated code follows the spec", () => {
  it("regenerates page_size's bound when the spec moves it, and check:generated names the stale table", () => {
    const parameters = "packages/client/src/generated/parameters.ts";
    const restore = editFile("spec/voice.yaml", (text) =>
      text.replace(/( {4}LogListRequest\.page_size:\n(?: {6}.*\n)*? {8}maximum: )1000\n/, "$1500\n"),
    );
    try {
      expect(
        run(process.execPath, ["packages/pipeline/src/cli.mjs", "bundle", "--api", "voice"]).status,
      ).toBe(0);
      const stale = run(process.execPath, ["packages/pipeline/src/cli.mjs", "check-generated"]);
      expect(stale.status).toBe(1);
      expect(stale.output).toContain(parameters);
      const { status } = run(process.execPath, ["packages/pipeline/src/cli.mjs", "generate-client"]);
      expect(status).toBe(0);
      const table = readFileSync(join(work, parameters), "utf8");
      expect(table).toMatch(/"page_size": \{\n\s+"type": "integer",\n\s+"minimum": 1,\n\s+"maximum": 500,/);
    } finally {
      restore();
      run(process.execPath, ["packages/pipeline/src/cli.mjs", "bundle", "--api", "voice"]);
      run(process.execPath, ["packages/pipeline/src/cli.mjs", "generate-client"]);
    }
  });

  it("regenerates the date plans and the response validators when a field stops being a date-time", async () => {
    const event = {
      event_at: "yesterday",
      level: "info",
      name: "calling_call_initiated",
      details: {},
      project_id: "0b9f3c1e-2f4d-4c5b-8a6e-7d8c9b0a1f2e",
      log_id: "b7182dc2-00f3-40e4-a5ce-20f164b329df",
    };
    type Validators = { VALIDATORS: Record<string, Record<string, (body: unknown) => boolean>> };
    const accepts = async (root: string) => {
      const { VALIDATORS } = (await import(
        `${join(root, "packages/types/src/generated/validators.ts")}?at=${Date.now()}`
      )) as Validators;
      return VALIDATORS["GET /logs/{id}/events"]?.["200"]?.({ data: [event] });
    };
    const plans = (root: string) => {
      const text = readFileSync(join(root, "packages/types/src/generated/dates.ts"), "utf8");
      return JSON.parse(text.slice(text.indexOf("= ") + 2, text.lastIndexOf(" as const"))) as Record<
        string,
        unknown
      >;
    };
    expect(await accepts(repoRoot)).toBe(false);
    expect(plans(repoRoot)).toHaveProperty(["GET /logs/{id}/events"]);
    const restore = editFile("spec/voice.yaml", (text) =>
      text.replace(/( {8}event_at:\n {10}type: string\n) {10}format: date-time\n/, "$1"),
    );
    try {
      expect(
        run(process.execPath, ["packages/pipeline/src/cli.mjs", "bundle", "--api", "voice"]).status,
      ).toBe(0);
      expect(run(process.execPath, ["packages/pipeline/src/cli.mjs", "generate"]).status).toBe(0);
      expect(await accepts(work)).toBe(true);
      expect(plans(work)).not.toHaveProperty(["GET /logs/{id}/events"]);
      expect(plans(work)).toHaveProperty(["GET /logs", "200", "data", 0, "created_at"], 1);
    } finally {
      restore();
      run(process.execPath, ["packages/pipeline/src/cli.mjs", "bundle", "--api", "voice"]);
      run(process.execPath, ["packages/pipeline/src/cli.mjs", "generate"]);
    }
  });
});

describe("turbo caching", () => {
  /** Task id → cache status of every task the dry run would really execute. */
  function plan(): Record<string, string> {
    const { status, output } = run(join(work, "node_modules/.bin/turbo"), [
      "run",
      "build",
      "test",
      "--dry=json",
    ]);
    expect(status).toBe(0);
    const dry = JSON.parse(output.slice(output.indexOf("{"), output.lastIndexOf("}") + 1)) as {
      tasks: Array<{ taskId: string; command: string; cache: { status: string } }>;
    };
    return Object.fromEntries(
      dry.tasks
        .filter((task) => task.command !== "<NONEXISTENT>")
        .map((task) => [task.taskId, task.cache.status]),
    );
  }
  const misses = (statuses: Record<string, string>) =>
    Object.keys(statuses)
      .filter((id) => statuses[id] === "MISS")
      .sort();

  it("re-runs nothing when nothing changed, and exactly the downstream tasks after a spec edit", () => {
    const warm = run(join(work, "node_modules/.bin/turbo"), [
      "run",
      "build",
      "--filter=@signalwire-voice/types",
    ]);
    expect(warm.status).toBe(0);
    const before = plan();
    expect(misses(before)).toEqual([
      "@signalwire-voice/pipeline#test",
      "@signalwire-voice/spec#test",
      "@signalwire-voice/types#test",
    ]);

    const restore = editFile("README.md", (text) => `${text}\nA docs-only edit.\n`);
    expect(misses(plan())).toEqual(misses(before));
    restore();

    const restoreSpec = editFile("spec/voice.yaml", (text) =>
      text.replace("Include logs for deleted activity.", "Include deleted logs."),
    );
    try {
      expect(misses(plan())).toEqual([
        "@signalwire-voice/pipeline#test",
        "@signalwire-voice/spec#spec:bundle",
        "@signalwire-voice/spec#spec:lint",
        "@signalwire-voice/spec#test",
        "@signalwire-voice/types#build",
        "@signalwire-voice/types#generate",
        "@signalwire-voice/types#test",
      ]);
    } finally {
      restoreSpec();
    }

    // The pipeline's own code is an input of every step it runs.
    const restoreStep = editFile("packages/pipeline/src/generate.mjs", (text) => `${text}\n// an edit\n`);
    try {
      expect(misses(plan())).toEqual([
        "@signalwire-voice/pipeline#test",
        "@signalwire-voice/spec#spec:bundle",
        "@signalwire-voice/spec#spec:lint",
        "@signalwire-voice/spec#test",
        "@signalwire-voice/types#build",
        "@signalwire-voice/types#generate",
        "@signalwire-voice/types#test",
      ]);
    } finally {
      restoreStep();
    }
  });
});
