// @ts-check
// The zod side of the contract bench: zod schemas for the voice API, made by `redocly
// generate-client`'s zod add-on (the pipeline's pinned @redocly/cli) from the voice bundle, then
// made plain JavaScript (TypeScript's transpileModule) so that the bench runs them under plain
// Node. Committed as src/generated/voice.zod.mjs; test/zod-schemas.test.mjs fails when it drifts.
//
//   node src/zod-schemas.mjs   (after `pnpm spec:bundle`) rewrites src/generated/voice.zod.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadApis, redocly, workspaceDir } from "@signalwire-voice/pipeline";
import ts from "typescript";

/** Where the generated schemas are committed. */
export const zodSchemasFile = fileURLToPath(new URL("./generated/voice.zod.mjs", import.meta.url));

/**
 * The text of src/generated/voice.zod.mjs for the bundle at `bundlePath`.
 *
 * @example zodSchemas(loadApis("voice")[0].bundle) // "// Generated file. Do not edit…\nimport { z } from \"zod\";…"
 * @param {string} bundlePath
 * @returns {string}
 */
export function zodSchemas(bundlePath) {
  const work = mkdtempSync(join(tmpdir(), "bench-zod-"));
  try {
    const args = ["generate-client", bundlePath, "--output", join(work, "client.ts"), "--generator", "zod"];
    const { status, stdout, stderr } = redocly(args, { echo: false });
    if (status !== 0)
      throw new Error(`bench: \`redocly ${args.join(" ")}\` failed (exit ${status}):\n${stderr}${stdout}`);
    const source = readFileSync(join(work, "client.zod.ts"), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    });
    const bundle = relative(workspaceDir, bundlePath);
    return [
      "// Generated file. Do not edit: test/zod-schemas.test.mjs fails when it drifts.",
      `// Made by \`node packages/bench/src/zod-schemas.mjs\`: \`redocly generate-client ${bundle}`,
      "// --output <tmp>/client.ts --generator zod` (the pipeline's @redocly/cli), its client.zod.ts made",
      "// JavaScript by TypeScript's transpileModule. The contract bench validates pages with it.",
      "// @ts-nocheck",
      "/* biome-ignore-all lint: generated */",
      outputText,
    ].join("\n");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [voice] = loadApis("voice");
  writeFileSync(zodSchemasFile, zodSchemas(/** @type {{ bundle: string }} */ (voice).bundle));
  console.log(`wrote ${relative(workspaceDir, zodSchemasFile)}`);
}
