import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// TypeScript consumers of the built package (turbo builds it first), compiled with skipLibCheck
// off, so our .d.ts and openapi-fetch's are checked too: items must come out typed (not any, not
// never) under CommonJS and ESM node16 resolution, and under bundler resolution.
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const run = promisify(execFile);

describe("TypeScript consumers of the built package", () => {
  it.each([["tsconfig.node16.json"], ["tsconfig.bundler.json"]])(
    "compile with %s",
    async (config) => {
      const { stdout } = await run(process.execPath, [tsc, "--noEmit", "-p", `test/consumers/${config}`], {
        cwd: new URL("..", import.meta.url),
      }).catch((error: { stdout: string }) => error);
      expect(stdout).toBe("");
    },
    60_000,
  );
});
