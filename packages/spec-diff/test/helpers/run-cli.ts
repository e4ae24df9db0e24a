import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const repoRoot = join(packageDir, "../..");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a Node script the way a user does (a real process), from the repo root by default. */
export function runNode(
  script: string,
  args: readonly string[],
  cwd = repoRoot,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The built CLI (the `test` task builds the package first). */
export const runSpecDiff = (args: readonly string[], cwd = repoRoot) =>
  runNode(join(packageDir, "dist/cli.mjs"), args, cwd);
