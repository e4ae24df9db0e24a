// @ts-check
// Step 3: generate TypeScript types from a bundled SDK spec with this package's openapi-typescript.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { dateTimeOf } from "./dates.mjs";

/** @type {{ version: string }} */
const { version } = createRequire(import.meta.url)("openapi-typescript/package.json");

/**
 * The generated module for one bundle, with its do-not-edit header. With `dates`, every
 * `format: date-time` string is typed `Date` (nullable ones `Date | null`): the types of what a
 * client that revives dates hands over.
 * @example
 * writeFileSync(api.types, await generateTypes(api.bundle, api.name));
 * writeFileSync(api.datedTypes, await generateTypes(api.bundle, api.name, { dates: true }));
 * @param {string} bundlePath
 * @param {string} apiName
 * @param {{ dates?: boolean }} [options]
 */
export async function generateTypes(bundlePath, apiName, { dates = false } = {}) {
  // Loaded here, not on import: it is most of the package's load time, and only this step needs it.
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const { default: ts } = await import("typescript");
  const ast = await openapiTS(pathToFileURL(bundlePath), {
    // Names stay as the spec spells them ("Types.StatusCodes.StatusCode400"); friendly
    // aliases live in the package's src/index.ts, where a rename is a reviewed change.
    exportType: false,
    alphabetize: false,
    ...(dates && { transform: dateTransform(ts) }),
  });
  const header = [
    "// Generated file. Do not edit: it is overwritten and CI fails on drift.",
    `// Made by \`pnpm generate\` (signalwire-pipeline generate --api ${apiName}) with openapi-typescript ${version}${dates ? ",\n// every `format: date-time` string typed `Date`," : ""}`,
    `// from the pipeline's apis.json → "${apiName}" (upstream spec + overlays, bundled and linted by \`pnpm spec:bundle\`).`,
    "",
  ].join("\n");
  return `${header}\n${astToString(ast)}`;
}

/**
 * openapi-typescript's `transform` that types a date-time string as `Date`.
 * @param {typeof import("typescript")} ts
 * @returns {(schema: any) => import("typescript").TypeNode | undefined}
 */
function dateTransform(ts) {
  const date = ts.factory.createTypeReferenceNode("Date");
  const nil = ts.factory.createLiteralTypeNode(ts.factory.createNull());
  return (schema) => {
    const kind = dateTimeOf(schema);
    return kind === "nullable" ? ts.factory.createUnionTypeNode([date, nil]) : kind && date;
  };
}
