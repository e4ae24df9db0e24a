import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { CodeBlock } from "./blocks.js";
import { isVitestSuite, moduleName } from "./compile.js";
import type { Consumer } from "./consumer.js";

export interface BlockRun {
  code: number | null;
  /** Set when the block was stopped for outliving `limitMs`: it left something open. */
  stopped: boolean;
  stdout: string;
  stderr: string;
}

const vitest = join(createRequire(import.meta.url).resolve("vitest/package.json"), "../vitest.mjs");

/**
 * Runs a compiled block as its reader would (`node block.js`; a vitest suite with `vitest run`)
 * in the consumer project, with only `env` (plus PATH) in its environment. A block that has not
 * exited after `limitMs` is stopped: a README example must end on its own.
 *
 * @example
 * const { code, stdout } = await runBlock(consumer, block, { SIGNALWIRE_BASE_URL: server.baseUrl });
 */
export function runBlock(
  consumer: Consumer,
  block: CodeBlock,
  env: Record<string, string>,
  limitMs = 120_000,
): Promise<BlockRun> {
  const args = isVitestSuite(block)
    ? [vitest, "run", "--root", consumer.dir, "--dir", "blocks", `${moduleName(block)}.test.ts`]
    : [join(consumer.out, `${moduleName(block)}.js`)];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: consumer.dir,
        env: { PATH: process.env.PATH ?? "", ...env, NO_COLOR: "1" },
        timeout: limitMs,
        killSignal: "SIGKILL",
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: number | string; killed?: boolean }) | null;
        resolve({
          code: failure ? (typeof failure.code === "number" ? failure.code : null) : 0,
          stopped: failure?.killed === true,
          stdout,
          stderr,
        });
      },
    );
  });
}
