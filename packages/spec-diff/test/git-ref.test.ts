import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSpecs, SpecDiffError } from "../src/index.js";
import { parseGitRef, readGitRef } from "../src/internal/git-ref.js";
import { repoRoot } from "./helpers/run-cli.js";

const work = mkdtempSync(join(tmpdir(), "spec-diff-git-ref-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("git refs (`<git-ref>:<path>`)", () => {
  it("splits at the first colon; anything else is not a git ref", () => {
    expect(parseGitRef("main:spec/voice.yaml")).toEqual({ ref: "main", path: "spec/voice.yaml" });
    expect(parseGitRef("HEAD~1:spec/a:b.yaml")).toEqual({ ref: "HEAD~1", path: "spec/a:b.yaml" });
    for (const spec of ["spec/voice.yaml", ":spec/voice.yaml", "main:"])
      expect(parseGitRef(spec)).toBeUndefined();
  });

  it.each(["--output=/tmp/x:spec/voice.yaml", "-p:spec/voice.yaml", "--end-of-options:spec/voice.yaml"])(
    "rejects a ref git would read as an option: %s",
    (spec) => {
      expect(() => parseGitRef(spec)).toThrow(SpecDiffError);
      expect(() => parseGitRef(spec)).toThrow(/cannot be a git ref: refs never start with "-"/);
    },
  );

  it("reads a file at a ref, and checks the ref itself too", () => {
    expect(readGitRef({ ref: "HEAD", path: "package.json" }, repoRoot)).toContain('"private": true');
    expect(() => readGitRef({ ref: "--output=/tmp/x", path: "package.json" }, repoRoot)).toThrow(
      SpecDiffError,
    );
  });

  it("never lets `git show --output=<file>` write a file through diffSpecs", async () => {
    // Unguarded, `git show --output=<target>:voice.yaml` writes HEAD's patch to that file.
    const target = join(work, "written-by-git");
    const base = `--output=${target}:voice.yaml`;
    await expect(diffSpecs({ base, head: "spec/voice.yaml", cwd: repoRoot })).rejects.toThrow(SpecDiffError);
    expect(existsSync(`${target}:voice.yaml`)).toBe(false);
  });
});
