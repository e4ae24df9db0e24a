// @ts-check
// A real npm registry for release:e2e: Verdaccio 6.8.0 (npm-installed in this folder), on
// 127.0.0.1 and a free port, with no uplinks (it serves only what we publish to it), its
// storage in a temporary folder, anonymous publishing for our scopes only.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { binPath } from "../lib/npm-tools.mjs";
import { assertLoopbackRegistry } from "./loopback-registry.mjs";

/**
 * A port that was free on 127.0.0.1 a moment ago.
 * @returns {Promise<number>}
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Verdaccio's config: no uplinks, no web UI, our scopes publishable without an account.
 * @param {string} dir @param {string[]} scopes
 */
export function verdaccioConfig(dir, scopes) {
  return [
    `storage: ${JSON.stringify(join(dir, "storage"))}`,
    "web: { enable: false }",
    `auth: { htpasswd: { file: ${JSON.stringify(join(dir, "htpasswd"))}, max_users: -1 } }`,
    "uplinks: {}",
    "packages:",
    ...scopes.map((scope) => `  '${scope}/*': { access: $all, publish: $anonymous, unpublish: $anonymous }`),
    "  '**': { access: $all, publish: $authenticated }",
    "middlewares: { audit: { enabled: false } }",
    "log: { type: stdout, format: pretty, level: warn }",
    "",
  ].join("\n");
}

/**
 * Starts Verdaccio in `dir`; resolves once it answers /-/ping. Retries on another port if the
 * one picked was taken in between.
 *
 * @example
 * const registry = await startVerdaccio(scope, { dir, toolsDir, scopes: ["@signalwire-voice"] });
 * // registry.url === "http://127.0.0.1:40123/"
 *
 * @param {ReturnType<typeof import("./processes.mjs").createScope>} scope
 * @param {{ dir: string; toolsDir: string; scopes: string[] }} options
 */
export async function startVerdaccio(scope, { dir, toolsDir, scopes }) {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, "config.yaml");
  writeFileSync(config, verdaccioConfig(dir, scopes));
  const bin = binPath(toolsDir, "verdaccio");
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const url = assertLoopbackRegistry(`http://127.0.0.1:${port}/`);
    try {
      const server = await scope.startServer(
        "Verdaccio",
        bin,
        ["--config", config, "--listen", `127.0.0.1:${port}`],
        {
          cwd: dir,
          env: { ...process.env, NODE_ENV: "production" },
          ready: (line) => (line.includes(`http address - http://127.0.0.1:${port}/`) ? true : undefined),
        },
      );
      const ping = await fetch(new URL("-/ping", url));
      if (!ping.ok) throw new Error(`Verdaccio at ${url} answered /-/ping with ${ping.status}.`);
      return { url, pid: server.pid, stop: server.stop };
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(/** @type {{ output?: string }} */ (error).output)))
        throw error;
    }
  }
}
