// @ts-check
// A turbo remote cache on this machine: the open-source turborepo-remote-cache server
// (npm-installed in this folder, outside the pnpm workspace), on 127.0.0.1 and a free port,
// storing artifacts in a folder of ours. It is what a team runs for CI across machines; the
// test runs it to prove turbo shares, signs and refuses artifacts as the README says.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { binPath, ensureNpmTools } from "../lib/npm-tools.mjs";

const toolsDir = dirname(fileURLToPath(import.meta.url));
// Preloaded into the server: it exits when our end of its stdin closes, however we exit (even
// SIGKILL, which runs no cleanup). Inline, as release-e2e/exit-with-parent.mjs does it.
const exitWithParent = `data:text/javascript,${encodeURIComponent(
  'for (const e of ["end", "error"]) process.stdin.on(e, () => process.exit(0)); process.stdin.resume();',
)}`;

/** @returns {Promise<number>} a port that was free on 127.0.0.1 a moment ago */
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
 * Starts the server; resolves once `/v8/artifacts/status` answers 200 to `token`. Retries on
 * another port if the one picked was taken in between.
 *
 * @example
 * const cache = await startRemoteCache({ storage: "/tmp/x/storage", token: "t" });
 * // TURBO_API=cache.url TURBO_TOKEN=t TURBO_TEAM=team_x turbo run build; then await cache.stop();
 *
 * @param {{ storage: string; token: string; timeoutMs?: number }} options storage: an absolute path
 */
export async function startRemoteCache({ storage, token, timeoutMs = 30_000 }) {
  ensureNpmTools(toolsDir);
  const bin = binPath(toolsDir, "turborepo-remote-cache");
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", exitWithParent, bin], {
      stdio: ["pipe", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        STORAGE_PROVIDER: "local",
        STORAGE_PATH: storage,
        STORAGE_PATH_USE_TMP_FOLDER: "false",
        TURBO_TOKEN: token,
        // Only a switch: with it the server keeps each artifact's x-artifact-tag and serves it
        // back. It never checks a tag; turbo does, with the key only the clients hold.
        TURBO_REMOTE_CACHE_SIGNATURE_KEY: "set",
        LOG_LEVEL: "warn",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    let running = true;
    const exited = new Promise((resolve) => child.once("exit", resolve)).then(() => (running = false));
    const url = `http://127.0.0.1:${port}`;
    const stop = async () => {
      if (!running) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    };
    const deadline = Date.now() + timeoutMs;
    while (running && Date.now() < deadline) {
      const status = await fetch(`${url}/v8/artifacts/status`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(2000),
      }).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return { url, output: () => output, stop };
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    await stop();
    if (attempt < 3 && /EADDRINUSE/.test(output)) continue;
    throw new Error(
      `turborepo-remote-cache did not answer ${url}/v8/artifacts/status with 200 within ${timeoutMs / 1000} s` +
        ` (exit ${child.exitCode ?? child.signalCode ?? "none"}). Its output:\n${output.slice(-2000)}`,
    );
  }
}
