import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { SpecDiffError } from "../spec-diff-error.js";
import { parseGitRef, readGitRef } from "./git-ref.js";

/** A document as the user named it, and its text. */
export interface SpecSource {
  /** What the user passed: a path, or `ref:path`. Shown in reports and errors. */
  label: string;
  /** The path inside the repository (for annotations), or the file path as given. */
  path: string;
  text: string;
  /** The absolute path it was read from, when it is a file (relative `$ref`s resolve from there). */
  file?: string;
}

/**
 * Reads `spec`: a file when one exists at that path, else `ref:path` from git.
 * @param role which input this is ("base", "head", "overlay"), for the error message
 */
export function readSpecSource(spec: string, role: string, cwd = process.cwd()): SpecSource {
  const file = resolve(cwd, spec);
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) {
      throw new SpecDiffError(`The ${role} \`${spec}\` is a directory. Pass the spec file inside it.`);
    }
    return { label: spec, path: spec, text: readFileSync(file, "utf8"), file };
  }
  const gitRef = parseGitRef(spec);
  if (gitRef) return { label: spec, path: gitRef.path, text: readGitRef(gitRef, cwd) };
  throw new SpecDiffError(
    `The ${role} spec \`${spec}\` does not exist (looked for ${file}). Pass a file path, or \`<git-ref>:<path>\` such as \`main:spec/voice.yaml\` to read it from git.`,
  );
}
