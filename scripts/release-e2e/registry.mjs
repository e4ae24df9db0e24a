// @ts-check
// The registry release:e2e publishes to: Verdaccio 6.8.0 (npm-installed in this folder) on
// 127.0.0.1 with no uplinks, so it serves only what we publish; and the guards that keep every
// publish there: a loopback URL, an environment where npm's and pnpm's registry settings all
// name it (pnpm 12 ignores npm_config_registry, the only variable changesets sets), and no
// inherited token.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { binPath } from "../lib/npm-tools.mjs";
import { startServer } from "./commands.mjs";

/**
 * The registry URL, with a trailing slash, when its host is a loopback address (127.0.0.0/8 or
 * [::1]); throws otherwise. Host names, `localhost` included, are refused: what they resolve to
 * is not ours to check.
 *
 * @example
 * assertLoopbackRegistry("http://127.0.0.1:4873") // → "http://127.0.0.1:4873/"
 * assertLoopbackRegistry("https://registry.example.com/") // throws "Refusing to publish to …"
 *
 * @param {string} url
 */
export function assertLoopbackRegistry(url) {
  const refuse = (/** @type {string} */ why) =>
    new Error(
      `Refusing to publish to ${JSON.stringify(url)}: ${why}. release:e2e publishes only to a registry on this machine's loopback interface (http://127.x.x.x or http://[::1]). Nothing was published.`,
    );
  const parsed = URL.parse(url);
  if (!parsed) throw refuse("not a URL");
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw refuse(`${parsed.protocol} is not http(s)`);
  if (parsed.username || parsed.password) throw refuse("credentials in the URL");
  // WHATWG URL has already turned 0x7f.1, 2130706433 and friends into dotted decimal.
  if (!/^127(\.\d{1,3}){3}$/.test(parsed.hostname) && parsed.hostname !== "[::1]")
    throw refuse(`${parsed.hostname} is not a loopback address`);
  return parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
}

/**
 * The environment for every command that may publish: npm's and pnpm's registry settings, global
 * and per scope, name `registry`; a user config holds the same and a placeholder token (pnpm 12
 * does not expand `${VAR}` in .npmrc); inherited registry settings and tokens are dropped.
 *
 * @example
 * const env = registryEnv("http://127.0.0.1:4873/", "/tmp/e2e/auth/.npmrc", ["@signalwire-voice"]);
 *
 * @param {string} registry
 * @param {string} userConfig where to write the user config (its folder is created)
 * @param {string[]} scopes
 * @param {NodeJS.ProcessEnv} [baseEnv]
 * @returns {NodeJS.ProcessEnv}
 */
export function registryEnv(registry, userConfig, scopes, baseEnv = process.env) {
  const url = assertLoopbackRegistry(registry);
  const { host, pathname } = new URL(url);
  mkdirSync(join(userConfig, ".."), { recursive: true });
  const lines = [`registry=${url}`, ...scopes.map((scope) => `${scope}:registry=${url}`)];
  writeFileSync(
    userConfig,
    `${lines.join("\n")}\n//${host}${pathname}:_authToken=release-e2e-placeholder\n`,
    {
      mode: 0o600,
    },
  );
  const inherited = Object.entries(baseEnv).filter(
    ([key]) =>
      !/^(npm|pnpm)_config_(.*registry|.*_auth.*|userconfig|npmrc_auth_file)$/i.test(key) &&
      !/^(NPM_TOKEN|NODE_AUTH_TOKEN)$/i.test(key) &&
      !key.includes("_authToken"),
  );
  return {
    ...Object.fromEntries(inherited),
    npm_config_registry: url,
    pnpm_config_registry: url,
    ...Object.fromEntries(scopes.map((scope) => [`npm_config_${scope}:registry`, url])),
    npm_config_userconfig: userConfig,
    pnpm_config_npmrc_auth_file: userConfig,
  };
}

/**
 * The questions to ask before publishing: where npm and pnpm, run with the publish
 * environment, would send each scope's packages. Every answer must be the loopback registry.
 *
 * @example
 * registryProbes(["@signalwire-voice"]) // → [["pnpm", ["config", "get", "registry"]], ["npm", …], …]
 *
 * @param {string[]} scopes
 * @returns {[string, string[]][]}
 */
export function registryProbes(scopes) {
  return ["registry", ...scopes.map((scope) => `${scope}:registry`)].flatMap((key) =>
    ["pnpm", "npm"].map((tool) => /** @type {[string, string[]]} */ ([tool, ["config", "get", key]])),
  );
}

/**
 * Throws unless no package names a registry of its own in publishConfig (it would win over the
 * environment) other than one on loopback.
 *
 * @example
 * assertNoRegistryOverride([{ name: "@x/a", publishConfig: { access: "public" } }]);
 *
 * @param {{ name: string; publishConfig?: Record<string, unknown> }[]} manifests
 */
export function assertNoRegistryOverride(manifests) {
  for (const { name, publishConfig = {} } of manifests)
    for (const [key, value] of Object.entries(publishConfig))
      if (key === "registry" || key.endsWith(":registry")) {
        try {
          assertLoopbackRegistry(String(value));
        } catch (error) {
          throw new Error(
            `${name}: publishConfig.${key} wins over our settings. ${/** @type {Error} */ (error).message}`,
          );
        }
      }
}

/** @returns {Promise<number>} a port that was free on 127.0.0.1 a moment ago */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });

/**
 * Starts Verdaccio with its storage in `dir` (release-e2e/verdaccio.yaml: no uplinks, our scope
 * publishable without an account). Resolves once it answers /-/ping; another port is tried if the
 * free one was taken in between.
 *
 * @example
 * const registry = await startVerdaccio({ dir, toolsDir }); // registry.url: "http://127.0.0.1:40123/"
 *
 * @param {{ dir: string; toolsDir: string }} options
 */
export async function startVerdaccio({ dir, toolsDir }) {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, "config.yaml");
  copyFileSync(join(toolsDir, "verdaccio.yaml"), config);
  for (let attempt = 1; ; attempt += 1) {
    const url = assertLoopbackRegistry(`http://127.0.0.1:${await freePort()}/`);
    const log = join(dir, `verdaccio-${attempt}.log`);
    try {
      const server = await startServer(
        "Verdaccio",
        binPath(toolsDir, "verdaccio"),
        ["--config", config, "--listen", new URL(url).host],
        {
          cwd: dir,
          env: { ...process.env, NODE_ENV: "production" },
          log,
          ready: async () => ((await fetch(new URL("-/ping", url))).ok ? true : undefined),
        },
      );
      return { url, pid: server.pid, stop: server.stop };
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(/** @type {{ output?: string }} */ (error).output)))
        throw error;
    }
  }
}

/**
 * What the registry holds for `name`: its versions, `latest`, and each version's package.json
 * (nothing when it has never heard of the package).
 *
 * @example
 * (await packument("http://127.0.0.1:4873/", "@signalwire-voice/types"))["dist-tags"]?.latest
 *
 * @param {string} registry
 * @param {string} name
 * @returns {Promise<{ versions?: Record<string, Record<string, unknown>>; "dist-tags"?: Record<string, string> }>}
 */
export async function packument(registry, name) {
  const response = await fetch(new URL(name.replace("/", "%2f"), registry));
  if (response.status === 404) return {};
  if (!response.ok) throw new Error(`${registry} answered ${response.status} for ${name}.`);
  return /** @type {any} */ (await response.json());
}
