// @ts-check
// The pure parts of release:e2e: the loopback guard (and its refusal to publish anywhere
// else), the spec edits it plays, version arithmetic and the final table.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { assertLoopbackRegistry, publishToLoopback, registryEnv } from "../release-e2e/loopback-registry.mjs";
import { bumpVersion, formatTable, levelOf } from "../release-e2e/report.mjs";
import { addQueryParameter, removeEnumValue } from "../release-e2e/spec-edits.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-e2e-units-"));
after(() => rmSync(temp, { recursive: true, force: true }));

describe("assertLoopbackRegistry", () => {
  /** @type {[string, string][]} */
  const accepted = [
    ["http://127.0.0.1:4873", "http://127.0.0.1:4873/"],
    ["http://127.0.0.1:4873/", "http://127.0.0.1:4873/"],
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
    ["127.0.0.1:4873", /is not a URL|is not http/],
    ["", /is not a URL/],
  ];
  for (const [url, message] of refused) {
    test(`refuses ${JSON.stringify(url)}`, () => {
      assert.throws(
        () => assertLoopbackRegistry(url),
        (error) => {
          assert.match(/** @type {Error} */ (error).message, message);
          assert.match(/** @type {Error} */ (error).message, /Nothing was published\.$/);
          return true;
        },
      );
    });
  }
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

describe("publishToLoopback: refuses to publish anywhere but loopback", () => {
  const pnpm = { command: "pnpm", prefix: [] };
  const packages = [{ name: "@signalwire-voice/types", manifest: { publishConfig: { access: "public" } } }];
  /**
   * A `run` that records each command and answers `config get` with `answers(args)`.
   * @param {(args: string[]) => string} answers
   */
  function recorder(answers) {
    /** @type {{ title: string; command: string; args: string[]; env: NodeJS.ProcessEnv }[]} */
    const calls = [];
    /** @type {import("../release-e2e/loopback-registry.mjs").Run} */
    const run = async (title, command, args, { env }) => {
      calls.push({ title, command, args, env });
      return { stdout: `${answers(args)}\n` };
    };
    return { calls, run };
  }
  const base = { cwd: temp, userConfig: join(temp, "p/.npmrc"), pnpm, baseEnv: { PATH: "/bin" } };

  test("a public registry: throws, and runs nothing at all", async () => {
    const { calls, run } = recorder(() => "http://127.0.0.1:4873/");
    await assert.rejects(
      publishToLoopback({ ...base, registry: "https://registry.example.com/", packages, run }),
      /Refusing to publish to "https:\/\/registry\.example\.com\/"/,
    );
    assert.deepEqual(calls, []);
  });

  test("a package whose publishConfig names another registry: throws, runs nothing", async () => {
    const { calls, run } = recorder(() => "http://127.0.0.1:4873/");
    const elsewhere = [
      {
        name: "@signalwire-voice/types",
        manifest: { publishConfig: { registry: "https://registry.example.com/" } },
      },
    ];
    await assert.rejects(
      publishToLoopback({ ...base, registry: "http://127.0.0.1:4873/", packages: elsewhere, run }),
      /@signalwire-voice\/types: publishConfig\.registry wins over our settings\. Refusing/,
    );
    assert.deepEqual(calls, []);
  });

  test("pnpm still resolving the public registry (the npm_config_registry trap): throws before publishing", async () => {
    const { calls, run } = recorder((args) =>
      args.includes("registry") && calls.at(-1)?.command === "pnpm"
        ? "https://registry.example.com/"
        : "http://127.0.0.1:4873/",
    );
    await assert.rejects(
      publishToLoopback({ ...base, registry: "http://127.0.0.1:4873/", packages, run }),
      /`pnpm config get registry` answers "https:\/\/registry\.example\.com\/", not http:\/\/127\.0\.0\.1:4873\/\. Nothing was published\./,
    );
    assert.ok(calls.every((call) => !call.args.includes("publish")));
  });

  test("a scoped registry elsewhere: throws before publishing", async () => {
    const { calls, run } = recorder((args) =>
      args.includes("@signalwire-voice:registry")
        ? "https://registry.example.com/"
        : "http://127.0.0.1:4873/",
    );
    await assert.rejects(
      publishToLoopback({ ...base, registry: "http://127.0.0.1:4873/", packages, run }),
      /config get @signalwire-voice:registry` answers "https:\/\/registry\.example\.com\/"/,
    );
    assert.ok(calls.every((call) => !call.args.includes("publish")));
  });

  test("all on loopback: asks pnpm and npm, then runs changeset publish with the loopback environment", async () => {
    const { calls, run } = recorder(() => "http://127.0.0.1:4873/");
    await publishToLoopback({ ...base, registry: "http://127.0.0.1:4873", packages, run });
    assert.deepEqual(
      calls.map((call) => `${call.command} ${call.args.join(" ")}`),
      [
        "pnpm config get registry",
        "npm config get registry",
        "pnpm config get @signalwire-voice:registry",
        "npm config get @signalwire-voice:registry",
        "pnpm exec changeset publish",
      ],
    );
    const publish = calls.at(-1);
    assert.equal(publish?.env.pnpm_config_registry, "http://127.0.0.1:4873/");
    assert.equal(publish?.env.npm_config_registry, "http://127.0.0.1:4873/");
  });
});

describe("spec edits", () => {
  const spec = readFileSync(join(repoRoot, "spec/voice.yaml"), "utf8");
  const direction = {
    path: "/logs",
    method: "get",
    name: "direction",
    description: "Only logs in this direction.",
    schemaRef: "#/components/schemas/VoiceDirection",
  };

  test("addQueryParameter inserts one parameter at the top of GET /logs' list, and nothing else", () => {
    const next = addQueryParameter(spec, direction);
    const lines = next.split("\n");
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
    assert.match(next, /\n {6}parameters:\n {8}- name: direction\n {10}in: query\n/);
  });

  test("addQueryParameter says what is missing", () => {
    assert.throws(
      () => addQueryParameter(spec, { ...direction, path: "/calls" }),
      /no `\/calls` under paths/,
    );
    assert.throws(
      () => addQueryParameter(spec, { ...direction, method: "post" }),
      /no post operation on \/logs/,
    );
    assert.throws(
      () => addQueryParameter(spec, { ...direction, name: "page_size" }),
      /already has a parameter named page_size/,
    );
  });

  test("removeEnumValue removes exactly that value from that enum", () => {
    const next = removeEnumValue(spec, "VoiceLogStatus", "joined");
    assert.equal(next.split("\n").length, spec.split("\n").length - 1);
    assert.doesNotMatch(next, /^ {8}- joined$/m);
    assert.equal(next.replace("        - ending\n", "        - ending\n        - joined\n"), spec);
  });

  test("removeEnumValue says what is missing", () => {
    assert.throws(() => removeEnumValue(spec, "NoSuchSchema", "x"), /no NoSuchSchema schema/);
    assert.throws(() => removeEnumValue(spec, "VoiceLogStatus", "teleported"), /has no value "teleported"/);
    assert.throws(() => removeEnumValue(spec, "ChargeDetail", "x"), /ChargeDetail has no enum list/);
    assert.throws(
      () => removeEnumValue(spec, "DialogflowVoiceLogType", "dialogflow_call"),
      /would be empty without "dialogflow_call"/,
    );
  });
});

describe("bumpVersion", () => {
  /** @type {[string, "major" | "minor" | "patch", string][]} */
  const table = [
    ["0.1.0", "patch", "0.1.1"],
    ["0.1.0", "minor", "0.2.0"],
    ["0.2.0", "major", "1.0.0"],
    ["1.4.2", "minor", "1.5.0"],
    ["1.4.2", "major", "2.0.0"],
  ];
  for (const [from, level, want] of table)
    test(`${from} + ${level} → ${want}`, () => assert.equal(bumpVersion(from, level), want));
  test("refuses a prerelease", () =>
    assert.throws(() => bumpVersion("1.0.0-next.1", "minor"), /1\.0\.0-next\.1/));
});

describe("levelOf", () => {
  /** @type {[string, string, string][]} */
  const table = [
    ["0.1.0", "0.1.1", "patch"],
    ["0.1.0", "0.2.0", "minor"],
    ["0.2.0", "1.0.0", "major"],
    ["1.0.0", "1.0.0", "none"],
  ];
  for (const [from, to, want] of table)
    test(`${from} → ${to}: ${want}`, () => assert.equal(levelOf(from, to), want));
});

describe("formatTable", () => {
  test("pads columns under a header and a rule", () => {
    assert.equal(
      formatTable([
        ["package", "v"],
        ["@x/long-name", "1.0.0"],
      ]),
      "package       v\n────────────  ─────\n@x/long-name  1.0.0",
    );
  });
});
