// @ts-check
// Step 3: generate TypeScript types from each bundled SDK spec with openapi-typescript.
// Usage: node scripts/generate.mjs [--api name] [--bundle-dir dir] [--out-dir dir]
//   --bundle-dir  read bundles from this folder instead of spec/dist
//   --out-dir     write into this folder instead of the committed location (drift check)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { flag, loadApis, repoRoot } from "./lib/apis.mjs";

const require = createRequire(join(repoRoot, "packages/types/package.json"));
const packageJsonPath = require.resolve("openapi-typescript/package.json");
/** @type {{ version: string; exports: { ".": { import: string } } }} */
const { version, exports } = JSON.parse(readFileSync(packageJsonPath, "utf8"));
const { default: openapiTS, astToString } = await import(
  pathToFileURL(join(dirname(packageJsonPath), exports["."].import)).href
);

/**
 * The generated module for one bundle, with its do-not-edit header.
 * @param {string} bundlePath
 * @param {string} apiName
 */
export async function generateTypes(bundlePath, apiName) {
  const ast = await openapiTS(pathToFileURL(bundlePath), {
    // Names stay as the spec spells them ("Types.StatusCodes.StatusCode400"); friendly
    // aliases live in the package's src/index.ts, where a rename is a reviewed change.
    exportType: false,
    alphabetize: false,
  });
  const header = [
    "// Generated file. Do not edit: it is overwritten and CI fails on drift.",
    `// Made by \`pnpm generate\` (scripts/generate.mjs --api ${apiName}) with openapi-typescript ${version}`,
    `// from spec/apis.json → "${apiName}" (upstream spec + overlays, bundled and linted by \`pnpm spec:bundle\`).`,
    "",
  ].join("\n");
  return `${header}\n${astToString(ast)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const bundleDir = flag("bundle-dir");
  const outDir = flag("out-dir");
  for (const api of loadApis(flag("api"))) {
    const bundle = bundleDir ? join(resolve(bundleDir), basename(api.bundle)) : api.bundle;
    if (!existsSync(bundle)) {
      console.error(
        `✖ generate: ${relative(repoRoot, bundle)} is missing. Run \`pnpm spec:bundle\` first (turbo does).`,
      );
      process.exit(1);
    }
    const target = outDir ? join(resolve(outDir), basename(api.types)) : api.types;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await generateTypes(bundle, api.name));
    console.log(`✔ generate: ${api.name} → ${relative(repoRoot, target)}`);
  }
}
