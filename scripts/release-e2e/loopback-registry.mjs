// @ts-check
// The one way release:e2e publishes, and the guards around it: it refuses any registry that is
// not on this machine's loopback interface, before anything runs and again after asking pnpm
// and npm where they would actually publish (pnpm 12 ignores npm_config_registry, the only
// variable changesets sets; a scoped registry or publishConfig.registry would win over both).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The registry URL, normalized with a trailing slash, when its host is a loopback address
 * (127.0.0.0/8 or [::1]); throws otherwise. Host names, `localhost` included, are refused:
 * what they resolve to is not ours to check.
 *
 * @example
 * assertLoopbackRegistry("http://127.0.0.1:4873") // → "http://127.0.0.1:4873/"
 * assertLoopbackRegistry("https://registry.example.com/") // throws "Refusing to publish to …"
 *
 * @param {string} url
 * @returns {string}
 */
export function assertLoopbackRegistry(url) {
  /** @type {URL} */
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Refusing to publish: ${JSON.stringify(url)} is not a URL. Nothing was published.`);
  }
  const refuse = (/** @type {string} */ why) =>
    new Error(
      `Refusing to publish to ${JSON.stringify(url)}: ${why}. release:e2e publishes only to a registry on this machine's loopback interface (http://127.x.x.x or http://[::1]). Nothing was published.`,
    );
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw refuse(`${parsed.protocol} is not http(s)`);
  if (parsed.username || parsed.password) throw refuse("credentials in the URL");
  // WHATWG URL has already turned 0x7f.1, 2130706433 and friends into dotted decimal.
  const loopback = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(parsed.hostname) || parsed.hostname === "[::1]";
  if (!loopback) throw refuse(`${parsed.hostname} is not a loopback address`);
  return parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
}

/**
 * The environment for every command that may talk to the registry while publishing: both
 * pnpm's and npm's registry settings (global and per scope) point at `registry`, a user
 * config file holds the same plus a placeholder token (pnpm 12 does not expand `${VAR}` in
 * .npmrc), and inherited registry settings and tokens are dropped.
 *
 * @example
 * const env = registryEnv("http://127.0.0.1:4873/", "/tmp/e2e/auth/.npmrc", ["@signalwire-voice"]);
 *
 * @param {string} registry
 * @param {string} userConfig where to write the user config (its folder is created)
 * @param {string[]} scopes e.g. ["@signalwire-voice"]
 * @param {NodeJS.ProcessEnv} [baseEnv]
 * @returns {NodeJS.ProcessEnv}
 */
export function registryEnv(registry, userConfig, scopes, baseEnv = process.env) {
  const url = assertLoopbackRegistry(registry);
  const { host, pathname } = new URL(url);
  mkdirSync(dirname(userConfig), { recursive: true });
  writeFileSync(
    userConfig,
    [
      `registry=${url}`,
      ...scopes.map((scope) => `${scope}:registry=${url}`),
      `//${host}${pathname}:_authToken=release-e2e-placeholder`,
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(baseEnv)) {
    // Inherited registries and credentials could redirect or authenticate a publish.
    if (/^(npm|pnpm)_config_(.*registry|.*_auth.*|userconfig|npmrc_auth_file)$/i.test(key)) continue;
    if (/^(NPM_TOKEN|NODE_AUTH_TOKEN)$/i.test(key) || key.includes("_authToken")) continue;
    env[key] = value;
  }
  return {
    ...env,
    npm_config_registry: url,
    pnpm_config_registry: url,
    ...Object.fromEntries(scopes.map((scope) => [`npm_config_${scope}:registry`, url])),
    npm_config_userconfig: userConfig,
    pnpm_config_npmrc_auth_file: userConfig,
  };
}

/**
 * @typedef {(title: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) => Promise<{ stdout: string }>} Run
 */

/**
 * `changeset publish` in `cwd`, to `registry` only. Refuses (throws, having run nothing) unless
 * the registry is on loopback, no package to publish names a registry of its own, and pnpm and
 * npm, asked with the publish environment, both name that registry for the packages' scopes.
 *
 * @example
 * await publishToLoopback({ registry, cwd: copy, userConfig, packages, pnpm, run });
 *
 * @param {object} options
 * @param {string} options.registry
 * @param {string} options.cwd the workspace
 * @param {string} options.userConfig
 * @param {{ name: string; manifest: { publishConfig?: Record<string, unknown> } }[]} options.packages the packages that may be published
 * @param {{ command: string; prefix: string[] }} options.pnpm
 * @param {Run} options.run
 * @param {NodeJS.ProcessEnv} [options.baseEnv]
 */
export async function publishToLoopback({ registry, cwd, userConfig, packages, pnpm, run, baseEnv }) {
  const url = assertLoopbackRegistry(registry);
  const scopes = [
    ...new Set(packages.flatMap(({ name }) => (name.startsWith("@") ? [name.split("/")[0] ?? ""] : []))),
  ];
  for (const { name, manifest } of packages) {
    for (const [key, value] of Object.entries(manifest.publishConfig ?? {})) {
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
  }
  const env = registryEnv(url, userConfig, scopes, baseEnv);
  /** @type {[string, string[]][]} */
  const probes = [
    [pnpm.command, [...pnpm.prefix, "config", "get", "registry"]],
    ["npm", ["config", "get", "registry"]],
    ...scopes.flatMap(
      (scope) =>
        /** @type {[string, string[]][]} */ ([
          [pnpm.command, [...pnpm.prefix, "config", "get", `${scope}:registry`]],
          ["npm", ["config", "get", `${scope}:registry`]],
        ]),
    ),
  ];
  for (const [command, args] of probes) {
    const { stdout } = await run(`${command} ${args.slice(-3).join(" ")}`, command, args, { cwd, env });
    const answer = stdout.trim().split("\n").pop() ?? "";
    if (answer !== url) {
      throw new Error(
        `Refusing to publish: \`${command} ${args.join(" ")}\` answers ${JSON.stringify(answer)}, not ${url}. Nothing was published.`,
      );
    }
  }
  return run("changeset publish", pnpm.command, [...pnpm.prefix, "exec", "changeset", "publish"], {
    cwd,
    env,
  });
}
