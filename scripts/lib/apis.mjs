// @ts-check
// The workspace folder, for scripts (entry points at a fixed place in it). The API list and the
// pipeline's steps live in the @signalwire-voice/pipeline package.
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url)).replace(/[\\/]$/, "");
