// @ts-check
/**
 * `@signalwire-voice/pipeline` (private): the spec pipeline's steps as functions, for the
 * `signalwire-pipeline` command each package's turbo tasks run, and for spec-diff, which
 * bundles and diffs specs exactly as the pipeline does.
 * @example
 * import { bundleApiAsync, loadApis } from "@signalwire-voice/pipeline";
 * const [voice] = loadApis("voice");
 * await bundleApiAsync(voice, "/tmp/voice.sdk.yaml", false);
 * @module
 */
export { loadApis, redoclyConfig, specInputs, workspaceDir } from "./apis.mjs";
export { bundleApi, bundleApiAsync } from "./bundle.mjs";
export { clientFiles, cliFiles, contractFiles } from "./client-files.mjs";
export { datePlans, generateDates } from "./dates.mjs";
export { driftedFiles } from "./drift.mjs";
export { generateTypes } from "./generate.mjs";
export { lintApi } from "./lint.mjs";
export { generateLogColumns, logColumns } from "./log-columns.mjs";
export { generateParameters, parameterRules } from "./parameters.mjs";
export { redocly, redoclyAsync, redoclyBin } from "./redocly.mjs";
export { resolver, responseSchemas } from "./refs.mjs";
export { generateValidators } from "./validators.mjs";
