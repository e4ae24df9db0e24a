import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import type { CodeBlock } from "./blocks.js";
import type { Consumer } from "./consumer.js";

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/**
 * The file a block becomes: named after its README and heading, `.test.ts` when it is a vitest
 * suite (so vitest finds it).
 *
 * @example
 * moduleName({ id: "packages/client/README.md#quick-start", … }) // "client--quick-start"
 */
export function moduleName(block: CodeBlock): string {
  const [readme = "", anchor = ""] = block.id.split("#");
  const owner = readme === "README.md" ? "root" : (readme.split("/")[1] ?? readme);
  return `${owner}--${anchor}`;
}

export const isVitestSuite = (block: CodeBlock) => /from\s+["']vitest["']/.test(block.code);

/** Writes each block as a module of the consumer project; returns block file → block. */
export function writeBlocks(consumer: Consumer, blocks: readonly CodeBlock[]): Map<string, CodeBlock> {
  mkdirSync(consumer.blocks, { recursive: true });
  const files = new Map<string, CodeBlock>();
  for (const block of blocks) {
    const file = `${moduleName(block)}${isVitestSuite(block) ? ".test" : ""}.ts`;
    if (files.has(file)) throw new Error(`Two blocks would both be ${file}: ${block.id}`);
    files.set(file, block);
    writeFileSync(join(consumer.blocks, file), `${block.code}\n`);
  }
  return files;
}

/**
 * Runs tsc on the consumer project with `config`; returns its diagnostics, each pointed back at
 * the README line it comes from (`packages/client/README.md:24:7 TS2532 Object is possibly…`).
 */
export async function typecheck(
  consumer: Consumer,
  config: string,
  files: ReadonlyMap<string, CodeBlock>,
): Promise<string[]> {
  const { stdout } = await run(process.execPath, [tsc, "-p", config, "--pretty", "false"], {
    cwd: consumer.dir,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; message: string }) => ({ stdout: error.stdout ?? error.message }));
  return stdout
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith(" "))
    .map((line) => {
      const at = /^blocks\/([^(]+)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
      const block = at && files.get(at[1] ?? "");
      if (!at || !block) return line;
      return `${block.readme}:${block.line + Number(at[2]) - 1}:${at[3]} ${at[4]} ${at[5]}`;
    });
}
