import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { localTurboEnv } from "@signalwire-voice/test-utils";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { specInputs, workspaceDir } from "../src/index.mjs";

// specInputs() is the one list of what the published types are made from; the spec-diff PR
// check's `paths` filter and turbo's bundle tasks must agree with it.

/** The workspace's files (tracked or new, not ignored) that a glob of specInputs() matches. */
function filesOf(glob: string): string[] {
  const listed = spawnSync("git", ["ls-files", "-co", "--exclude-standard", "--", glob], {
    cwd: workspaceDir,
    encoding: "utf8",
  });
  expect(listed.status).toBe(0);
  return listed.stdout.split("\n").filter(Boolean);
}

/** The workspace-relative files turbo hashes as inputs of each task below, from one dry run. */
const turboInputs = (() => {
  let plan: Map<string, string[]> | undefined;
  return (taskId: string): string[] => {
    if (!plan) {
      const turbo = join(workspaceDir, "node_modules/.bin/turbo");
      const filters = ["spec", "rest-types", "types"].map((name) => `--filter=@signalwire-voice/${name}`);
      const dry = spawnSync(turbo, ["run", "spec:bundle", "generate", ...filters, "--dry=json"], {
        cwd: workspaceDir,
        encoding: "utf8",
        env: localTurboEnv(),
      });
      expect(dry.status, dry.stderr).toBe(0);
      const { tasks } = JSON.parse(dry.stdout.slice(dry.stdout.indexOf("{"))) as {
        tasks: { taskId: string; directory: string; inputs: Record<string, string> }[];
      };
      plan = new Map(
        tasks.map((task) => [
          task.taskId,
          Object.keys(task.inputs).map((file) => posix.normalize(`${task.directory}/${file}`)),
        ]),
      );
    }
    const inputs = plan.get(taskId);
    expect(inputs, `turbo plans no ${taskId}`).toBeDefined();
    return inputs ?? [];
  };
})();

describe("specInputs()", () => {
  it("names the voice spec, its overlay, the lint rules and the pipeline itself, each matching files", () => {
    const inputs = specInputs();
    expect(inputs).toEqual([
      "spec/voice.yaml",
      "spec/overlays/sdk.yaml",
      "redocly.yaml",
      "packages/pipeline/apis.json",
      "packages/pipeline/package.json",
      "packages/pipeline/src/**",
    ]);
    for (const glob of inputs) expect(filesOf(glob), glob).not.toEqual([]);
  });

  it("is the spec-diff PR check's paths filter, exactly", () => {
    const workflow = parse(readFileSync(join(workspaceDir, ".github/workflows/spec-diff.yml"), "utf8")) as {
      on: { pull_request: { paths: string[] } };
    };
    expect(workflow.on.pull_request.paths).toEqual(specInputs());
  });

  it.each([
    ["voice", "spec:bundle", "@signalwire-voice/spec"],
    ["rest", "spec:bundle", "@signalwire-voice/rest-types"],
    ["voice", "generate", "@signalwire-voice/types"],
  ])("every file of specInputs(%j) is an input of turbo's %s in %s", (api, task, filter) => {
    const hashed = new Set(turboInputs(`${filter}#${task}`));
    // generate reads the bundle (a task output, not a source file), so only the pipeline's own files.
    const globs = specInputs(api).filter(
      (glob) => task !== "generate" || glob.startsWith("packages/pipeline/"),
    );
    const missing = globs.flatMap(filesOf).filter((file) => !hashed.has(file));
    expect(missing).toEqual([]);
  });
});
