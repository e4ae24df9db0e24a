// @ts-check
// What the loopback registry holds, read over its HTTP API (the packument of a package), and
// the check that a publish landed there.

/**
 * The versions the registry holds for `name`, and its `latest` tag (none when it has never
 * heard of the package).
 *
 * @example
 * await registryVersions("http://127.0.0.1:4873/", "@signalwire-voice/types") // → { versions: ["0.1.0"], latest: "0.1.0" }
 *
 * @param {string} registry
 * @param {string} name
 * @returns {Promise<{ versions: string[]; latest: string | undefined }>}
 */
export async function registryVersions(registry, name) {
  const packument = await fetchPackument(registry, name);
  return { versions: Object.keys(packument.versions ?? {}), latest: packument["dist-tags"]?.latest };
}

/**
 * The package.json the registry serves for `name@version` (undefined when it has none).
 *
 * @example
 * (await registryManifest("http://127.0.0.1:4873/", "@signalwire-voice/types", "0.1.0"))?.repository
 *
 * @param {string} registry
 * @param {string} name
 * @param {string} version
 * @returns {Promise<Record<string, unknown> | undefined>}
 */
export async function registryManifest(registry, name, version) {
  return (await fetchPackument(registry, name)).versions?.[version];
}

/**
 * @param {string} registry @param {string} name
 * @returns {Promise<{ versions?: Record<string, Record<string, unknown>>; "dist-tags"?: Record<string, string> }>}
 */
async function fetchPackument(registry, name) {
  const response = await fetch(new URL(name.replace("/", "%2f"), registry));
  if (response.status === 404) return {};
  if (!response.ok) throw new Error(`${registry} answered ${response.status} for ${name}.`);
  return /** @type {any} */ (await response.json());
}

/**
 * Throws unless the registry holds each `name@version` of `expected`, tagged `latest`.
 *
 * @example
 * await expectOnRegistry(registry, new Map([["@signalwire-voice/types", "0.2.0"]]));
 *
 * @param {string} registry
 * @param {Map<string, string>} expected
 */
export async function expectOnRegistry(registry, expected) {
  for (const [name, version] of expected) {
    const { versions, latest } = await registryVersions(registry, name);
    if (!versions.includes(version) || latest !== version) {
      throw new Error(
        `The registry should hold ${name}@${version} as latest; it has [${versions.join(", ")}], latest ${latest}.`,
      );
    }
  }
}
