// @ts-check
// Step 3: generate TypeScript types from a bundled SDK spec with this package's openapi-typescript.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/** @type {{ version: string }} */
const { version } = createRequire(import.meta.url)("openapi-typescript/package.json");

/**
 * The generated module for one bundle, with its do-not-edit header.
 * @example
 * writeFileSync(api.types, await generateTypes(api.bundle, api.name));
 * @param {string} bundlePath
 * @param {string} apiName
 */
export async function generateTypes(bundlePath, apiName) {
  // Loaded here, not on import: it is most of the package's load time, and only this step needs it.
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const ast = await openapiTS(pathToFileURL(bundlePath), {
    // Names stay as the spec spells them ("Types.StatusCodes.StatusCode400"); friendly
    // aliases live in the package's src/index.ts, where a rename is a reviewed change.
    exportType: false,
    alphabetize: false,
  });
  const header = [
    "// Generated file. Do not edit: it is overwritten and CI fails on drift.",
    `// Made by \`pnpm generate\` (signalwire-pipeline generate --api ${apiName}) with openapi-typescript ${version}`,
    `// from the pipeline's apis.json → "${apiName}" (upstream spec + overlays, bundled and linted by \`pnpm spec:bundle\`).`,
    "",
  ].join("\n");
  return `${header}\n${astToString(ast)}`;
}
