// @ts-check
// The parts of release:e2e that decide: the loopback guard and its refusal to publish anywhere
// else, the commands it takes from release.yml, the proofs it asks of a publish (latest, tagged,
// the committed repository), and the spec edits it plays.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { publishRelease, releaseCommands } from "../release-e2e/publish.mjs";
import {
  assertLoopbackRegistry,
  assertNoRegistryOverride,
  registryEnv,
  registryProbes,
} from "../release-e2e/registry.mjs";
import { ROUNDS } from "../release-e2e/spec-change.mjs";
import { commitAll, git } from "../release-e2e/workspace-copy.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-e2e-units-"));
after(() => rmSync(temp, { recursive: true, force: true }));

describe("assertLoopbackRegistry", () => {
  /** @type {[string, string][]} */
  const accepted = [
    ["http://127.0.0.1:4873", "http://127.0.0.1:4873/"],
    ["http://127.8.9.10:1/npm/", "http://127.8.9.10:1/npm/"],
    ["http://[::1]:4873/", "http://[::1]:4873/"],
    ["http://2130706433:4873/", "http://127.0.0.1:4873/"], // the same address, spelled as a number
    ["http://0x7f.1:4873/", "http://127.0.0.1:4873/"],
  ];
  for (const [url, want] of accepted)
    test(`accepts ${url}`, () => assert.equal(assertLoopbackRegistry(url), want));

  /** @type {[string, RegExp][]} */
  const refused = [
    ["https://registry.example.com/", /registry\.example\.com is not a loopback address/],
    ["http://localhost:4873/", /localhost is not a loopback address/],
    ["http://127.0.0.1.example.com/", /is not a loopback address/],
    ["http://10.0.0.1:4873/", /10\.0\.0\.1 is not a loopback address/],
    ["http://0.0.0.0:4873/", /is not a loopback address/],
    ["http://[::2]:4873/", /is not a loopback address/],
    ["http://user:secret@127.0.0.1:4873/", /credentials in the URL/],
    ["file:///tmp/registry", /file: is not http\(s\)/],
    ["127.0.0.1:4873", /not a URL|is not http/],
    ["", /not a URL/],
  ];
  for (const [url, message] of refused)
    test(`refuses ${JSON.stringify(url)}`, () =>
      assert.throws(
        () => assertLoopbackRegistry(url),
        (error) => {
          assert.match(/** @type {Error} */ (error).message, message);
          assert.match(/** @type {Error} */ (error).message, /Nothing was published\.$/);
          return true;
        },
      ));
});

describe("registryEnv", () => {
  test("points npm and pnpm (global and scoped) at the registry and drops inherited registries and tokens", () => {
    const userConfig = join(temp, "auth/.npmrc");
    const env = registryEnv("http://127.0.0.1:4873", userConfig, ["@signalwire-voice"], {
      PATH: "/bin",
      npm_config_registry: "https://registry.example.com/",
      NPM_CONFIG_REGISTRY: "https://registry.example.com/",
      "npm_config_@signalwire-voice:registry": "https://registry.example.com/",
      pnpm_config_npmrc_auth_file: "/home/me/.npmrc",
      NODE_AUTH_TOKEN: "secret",
      NPM_TOKEN: "secret",
      "//registry.example.com/:_authToken": "secret",
    });
    assert.deepEqual(env, {
      PATH: "/bin",
      npm_config_registry: "http://127.0.0.1:4873/",
      pnpm_config_registry: "http://127.0.0.1:4873/",
      "npm_config_@signalwire-voice:registry": "http://127.0.0.1:4873/",
      npm_config_userconfig: userConfig,
      pnpm_config_npmrc_auth_file: userConfig,
    });
    assert.equal(
      readFileSync(userConfig, "utf8"),
      "registry=http://127.0.0.1:4873/\n@signalwire-voice:registry=http://127.0.0.1:4873/\n//127.0.0.1:4873/:_authToken=release-e2e-placeholder\n",
    );
    assert.equal(statSync(userConfig).mode & 0o777, 0o600);
  });

  test("refuses a registry that is not on loopback, before writing anything", () => {
    const userConfig = join(temp, "refused/.npmrc");
    assert.throws(() => registryEnv("https://registry.example.com/", userConfig, []), /Refusing to publish/);
    assert.throws(() => statSync(userConfig), /ENOENT/);
  });
});

test("registryProbes: pnpm and npm are asked for the registry, and for each scope's", () => {
  assert.deepEqual(
    registryProbes(["@x"]).map(([tool, args]) => `${tool} ${args.join(" ")}`),
    [
      "pnpm config get registry",
      "npm config get registry",
      "pnpm config get @x:registry",
      "npm config get @x:registry",
    ],
  );
});

test("assertNoRegistryOverride: a publishConfig registry elsewhere is refused, on loopback accepted", () => {
  assertNoRegistryOverride([
    { name: "@x/a", publishConfig: { access: "public", registry: "http://127.0.0.1:1/" } },
  ]);
  for (const key of ["registry", "@x:registry"])
    assert.throws(
      () =>
        assertNoRegistryOverride([
          { name: "@x/a", publishConfig: { [key]: "https://registry.example.com/" } },
        ]),
      new RegExp(`^Error: @x/a: publishConfig\\.${key} wins over our settings\\. Refusing to publish`),
    );
});

describe("releaseCommands: release:e2e runs release.yml's own commands", () => {
  test("the version and publish commands of its changesets/action step", () => {
    const workflow = readFileSync(join(repoRoot, ".github/workflows/release.yml"), "utf8");
    assert.deepEqual(releaseCommands(workflow), {
      version: ["pnpm", "exec", "changeset", "version"],
      publish: ["pnpm", "release"],
    });
    const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    assert.equal(manifest.scripts.release, "changeset publish");
  });
  test("quoted values; a workflow without the step or a command is refused", () => {
    const step = "      - uses: changesets/action@abc # v1\n        with:\n";
    assert.deepEqual(releaseCommands(`${step}          version: "a b"\n          publish: 'c'\n`), {
      version: ["a", "b"],
      publish: ["c"],
    });
    assert.throws(
      () => releaseCommands("jobs: {}\n    publish: x\n"),
      /no changesets\/action step with a `version:`/,
    );
    assert.throws(() => releaseCommands(`${step}          version: x\n`), /with a `publish:` command/);
  });
});

describe("publishRelease", () => {
  /** @type {Record<string, unknown>} name → packument */
  const packuments = {};
  const server = createServer((request, response) => {
    const packument = packuments[decodeURIComponent((request.url ?? "").slice(1))];
    response.writeHead(packument ? 200 : 404, { "content-type": "application/json" });
    response.end(JSON.stringify(packument ?? { error: "not found" }));
  });
  let registry = "";
  before(async () => {
    await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
    registry = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}/`;
  });
  after(() => server.close());

  const repo = join(temp, "repo");
  git(temp, "init", "--quiet", repo);
  git(repo, "config", "user.name", "t");
  git(repo, "config", "user.email", "t@t.invalid");
  commitAll(repo, "base");
  git(repo, "tag", "@x/types@0.2.0");
  const repository = {
    type: "git",
    url: "git+https://git.example.test/x/y.git",
    directory: "packages/types",
  };
  const pkg = (/** @type {Record<string, unknown>} */ manifest = {}) => ({
    name: "@x/types",
    version: "0.2.0",
    dir: join(repo, "packages/types"),
    manifest: { repository, publishConfig: { access: "public" }, ...manifest },
  });
  /**
   * A workspace whose `run` records each command and answers `config get` with `answer(args)`.
   * @param {(tool: string, args: string[]) => string} answer @param {ReturnType<typeof pkg>} [published]
   */
  const workspace = (answer, published = pkg()) => {
    /** @type {{ command: string; env: NodeJS.ProcessEnv | undefined }[]} */
    const calls = [];
    /** @type {any} */
    const run = async (
      /** @type {string} */ _title,
      /** @type {string} */ tool,
      /** @type {string[]} */ args,
      /** @type {{ env?: NodeJS.ProcessEnv }} */ options,
    ) => {
      calls.push({ command: `${tool} ${args.join(" ")}`, env: options?.env });
      return { stdout: `${answer(tool, args)}\n`, stderr: "" };
    };
    return { calls, workspace: { repo, env: { PATH: "/bin" }, run, packages: () => [published] } };
  };
  const options = () => ({
    registry,
    userConfig: join(temp, "p/.npmrc"),
    publish: ["pnpm", "release"],
    expected: new Map([["@x/types", "0.2.0"]]),
  });
  const held = (/** @type {unknown} */ served = repository, latest = "0.2.0") => {
    packuments["@x/types"] = { "dist-tags": { latest }, versions: { "0.2.0": { repository: served } } };
  };

  test("all on loopback: asks pnpm and npm, publishes with the loopback environment, checks what landed", async () => {
    held();
    const { calls, workspace: ws } = workspace(() => registry);
    await publishRelease(ws, options());
    assert.deepEqual(
      calls.map(({ command }) => command),
      [...registryProbes(["@x"]).map(([tool, args]) => `${tool} ${args.join(" ")}`), "pnpm release"],
    );
    assert.equal(calls.at(-1)?.env?.pnpm_config_registry, registry);
    assert.equal(calls.at(-1)?.env?.npm_config_registry, registry);
  });

  test("a public registry: throws, and runs nothing", async () => {
    const { calls, workspace: ws } = workspace(() => registry);
    await assert.rejects(
      publishRelease(ws, { ...options(), registry: "https://registry.example.com/" }),
      /Refusing to publish/,
    );
    assert.deepEqual(calls, []);
  });

  test("a package whose publishConfig names another registry: throws, runs nothing", async () => {
    const elsewhere = pkg({ publishConfig: { registry: "https://registry.example.com/" } });
    const { calls, workspace: ws } = workspace(() => registry, elsewhere);
    await assert.rejects(publishRelease(ws, options()), /publishConfig\.registry wins over our settings/);
    assert.deepEqual(calls, []);
  });

  for (const key of ["registry", "@x:registry"])
    test(`pnpm resolving another ${key} (the npm_config_registry trap): throws before publishing`, async () => {
      const { calls, workspace: ws } = workspace((tool, args) =>
        tool === "pnpm" && args.at(-1) === key ? "https://registry.example.com/" : registry,
      );
      await assert.rejects(
        publishRelease(ws, options()),
        new RegExp(
          `\`pnpm config get ${key}\` answers "https://registry\\.example\\.com/", not .*\\. Nothing was published\\.`,
        ),
      );
      assert.ok(calls.every(({ command }) => command !== "pnpm release"));
    });

  /** @type {[string, () => (() => void) | void, RegExp][]} what lands, and how to put things back */
  const unproven = [
    [
      "another latest",
      () => held(repository, "0.1.0"),
      /should hold @x\/types@0\.2\.0 as latest; it has \[0\.2\.0\], latest 0\.1\.0/,
    ],
    [
      "no git tag",
      () => {
        held();
        git(repo, "tag", "--delete", "@x/types@0.2.0");
        return () => git(repo, "tag", "@x/types@0.2.0");
      },
      /changeset publish did not tag @x\/types@0\.2\.0/,
    ],
    ["no repository", () => held(null), /served with repository null; its package\.json must commit/],
    [
      "another directory",
      () => held({ ...repository, directory: "packages/client" }),
      /served with repository/,
    ],
  ];
  for (const [name, setUp, message] of unproven)
    test(`refuses a publish that landed with ${name}`, async () => {
      const restore = setUp();
      try {
        await assert.rejects(publishRelease(workspace(() => registry).workspace, options()), message);
      } finally {
        restore?.();
      }
    });
});

describe("the spec changes", () => {
  const spec = readFileSync(join(repoRoot, "spec/voice.yaml"), "utf8");
  const [minor, major] = ROUNDS;

  test("minor: one optional `direction` query parameter, first in GET /logs' list, and nothing else", () => {
    const lines = /** @type {NonNullable<typeof minor>} */ (minor).edit(spec).split("\n");
    const list = lines.indexOf("      parameters:");
    assert.deepEqual(lines.slice(list + 1, list + 7), [
      "        - name: direction",
      "          in: query",
      "          description: Only logs in this direction.",
      "          required: false",
      "          schema:",
      "            $ref: '#/components/schemas/VoiceDirection'",
    ]);
    assert.equal([...lines.slice(0, list + 1), ...lines.slice(list + 7)].join("\n"), spec);
  });

  test('major: exactly "joined" removed from VoiceLogStatus', () => {
    const next = /** @type {NonNullable<typeof major>} */ (major).edit(spec);
    assert.equal(next.split("\n").length, spec.split("\n").length - 1);
    assert.equal(next.replace("        - ending\n", "        - ending\n        - joined\n"), spec);
  });

  test("each says what it looked for when the spec no longer has that shape", () => {
    assert.throws(
      () => minor?.edit(spec.replace("  /logs:\n", "  /calls:\n")),
      /a parameters list under paths\.\/logs\.get once; found it 0 times/,
    );
    assert.throws(
      () => major?.edit(spec.replace("        - joined\n", "")),
      /"joined" in components\.schemas\.VoiceLogStatus\.enum once/,
    );
  });
});
