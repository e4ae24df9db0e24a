import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { copyWorkspace } from "@signalwire-voice/test-utils";
import { afterAll, describe, expect, it } from "vitest";
import { packageDir, repoRoot, runNode } from "./helpers/run-cli.js";

// `pnpm spec:update` on a temporary copy of the files it reads and writes (never on the real
// spec/voice.yaml): the scripts, the pipeline package, the spec folder, the generated types,
// .changeset, and the built spec-diff, each package resolving the others inside the copy.
// The copy's path has a space, as many users' checkouts do: scripts that build file URLs by
// hand or split a command line on spaces fail there.
const temp = copyWorkspace(repoRoot, {
  prefix: "spec-update copy ",
  paths: [
    "package.json",
    "pnpm-workspace.yaml",
    "redocly.yaml",
    "scripts",
    ".changeset/config.json",
    "packages/pipeline",
    "packages/spec-diff/package.json",
    "spec/voice.yaml",
    "spec/overlays",
    "spec/package.json",
    "spec/provenance/voice.json",
    "packages/types/package.json",
    "packages/types/src/generated",
    "packages/client/package.json",
  ],
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));
// The build git ignores, which the `test` task makes first.
cpSync(join(packageDir, "dist"), join(temp, "packages/spec-diff/dist"), { recursive: true });
const link = (path: string, target: string) => {
  mkdirSync(dirname(join(temp, path)), { recursive: true });
  symlinkSync(target, join(temp, path));
};
// The pipeline's tools (redocly, openapi-typescript) and spec-diff's (yaml) as installed; the
// workspace packages themselves from the copy.
link("packages/pipeline/node_modules", join(repoRoot, "packages/pipeline/node_modules"));
for (const name of ["pipeline", "spec-diff"]) {
  link(`node_modules/@signalwire-voice/${name}`, join(temp, "packages", name));
}
// spec-diff's own dependencies as installed, except the pipeline: the copy's.
for (const scope of ["", "@changesets", "@signalwire-voice"]) {
  for (const entry of readdirSync(join(packageDir, "node_modules", scope))) {
    const name = scope ? `${scope}/${entry}` : entry;
    if (entry.startsWith(".") || name === "@changesets" || name === "@signalwire-voice") continue;
    const target =
      name === "@signalwire-voice/pipeline"
        ? join(temp, "packages/pipeline")
        : join(packageDir, "node_modules", name);
    link(`packages/spec-diff/node_modules/${name}`, target);
  }
}

const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const realSpec = hash(join(repoRoot, "spec/voice.yaml"));
const upstream = readFileSync(join(temp, "spec/voice.yaml"), "utf8");
const changesets = () => readdirSync(join(temp, ".changeset")).filter((file) => file.startsWith("spec-"));

function update(name: string, text: string) {
  const file = join(temp, `${name}.yaml`);
  writeFileSync(file, text);
  const env = { ...process.env, INIT_CWD: temp };
  return runNode(join(temp, "scripts/spec-update.mjs"), [file, "--prebuilt"], temp, env);
}

describe("pnpm spec:update <file>", () => {
  it("refuses a spec that fails lint, shows redocly's frame, and leaves the old spec in place", async () => {
    const broken = upstream.replace("      responses:\n        '200':", "      responses:\n        '2XX0':");
    const run = await update("broken", broken);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/2XX0/);
    expect(run.stderr).toContain(
      "has lint errors (above). spec/voice.yaml and the generated types are unchanged.",
    );
    expect(readFileSync(join(temp, "spec/voice.yaml"), "utf8")).toBe(upstream);
    expect(readFileSync(join(temp, "spec/provenance/voice.json"), "utf8")).toBe(
      readFileSync(join(repoRoot, "spec/provenance/voice.json"), "utf8"),
    );
    expect(changesets()).toEqual([]);
  });

  it("takes a new optional query parameter through lint, bundle, generate and diff to a minor changeset", async () => {
    const pageToken = "        - $ref: '#/components/parameters/LogListRequest.page_token'\n";
    expect(upstream).toContain(pageToken);
    const next = upstream.replace(
      pageToken,
      `        - name: direction\n          in: query\n          description: Only logs in this direction.\n          required: false\n          schema:\n            type: string\n${pageToken}`,
    );
    const run = await update("with-direction", next);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("✔ Linted (voice@upstream).");
    expect(run.stdout).toContain("✔ Regenerated packages/types/src/generated/voice.ts.");
    expect(run.stdout).toContain("| 🟡 minor | GET /logs: query parameter `direction` was added.");
    expect(run.stdout).toContain("Bump: minor.");
    expect(readFileSync(join(temp, "spec/voice.yaml"), "utf8")).toBe(next);
    const record = JSON.parse(readFileSync(join(temp, "spec/provenance/voice.json"), "utf8"));
    expect(record).toMatchObject({
      source: expect.stringMatching(
        /^with-direction\.yaml, taken by `pnpm spec:update` on \d{4}-\d{2}-\d{2}$/,
      ),
      file: "with-direction.yaml",
      report: expect.stringMatching(/^reports\/\d{4}-\d{2}-\d{2}-with-direction\.md$/),
      sha256: hash(join(temp, "spec/voice.yaml")),
    });
    // The report is kept beside the record, as Markdown for reviewers and JSON for tools.
    const report = join(temp, "spec/provenance", record.report);
    expect(readFileSync(report, "utf8")).toContain("query parameter `direction` was added");
    expect(JSON.parse(readFileSync(report.replace(/\.md$/, ".json"), "utf8"))).toMatchObject({
      bump: "minor",
    });
    expect(readFileSync(join(temp, "packages/types/src/generated/voice.ts"), "utf8")).toMatch(
      /direction\?: string;/,
    );
    const [file] = changesets();
    expect(readFileSync(join(temp, ".changeset", file ?? ""), "utf8")).toMatch(
      /^---\n"@signalwire-voice\/types": minor\n"@signalwire-voice\/client": minor\n---\n\n.*\n\n- GET \/logs: query parameter `direction` was added\.\n$/,
    );
  });

  it("rates a removed enum value major, and never touched the real spec", async () => {
    rmSync(join(temp, ".changeset", changesets()[0] ?? "none"), { force: true });
    const next = readFileSync(join(temp, "spec/voice.yaml"), "utf8").replace("        - ending\n", "");
    const file = join(temp, "without-ending.yaml");
    writeFileSync(file, next);
    const from = "https://example.com/voice.yaml (commit 0123abc)";
    const run = await runNode(
      join(temp, "scripts/spec-update.mjs"),
      [file, "--prebuilt", "--from", from],
      temp,
      {
        ...process.env,
        INIT_CWD: temp,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(temp, "spec/provenance/voice.json"), "utf8")).source).toMatch(
      /^https:\/\/example\.com\/voice\.yaml \(commit 0123abc\), taken by `pnpm spec:update` on /,
    );
    expect(run.stdout).toContain("Bump: major.");
    expect(readFileSync(join(temp, ".changeset", changesets()[0] ?? ""), "utf8")).toContain(
      '"@signalwire-voice/types": major\n"@signalwire-voice/client": major',
    );
    expect(hash(join(repoRoot, "spec/voice.yaml"))).toBe(realSpec);
  });

  it("judges the spec as it was with the overlay as committed, so an overlay edited for the new spec is part of the change", async () => {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: temp, encoding: "utf8" });
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base");
    for (const file of changesets()) rmSync(join(temp, ".changeset", file));
    // The overlay now says more about page_size; the upstream document is the same.
    const overlay = join(temp, "spec/overlays/sdk.yaml");
    writeFileSync(
      overlay,
      `${readFileSync(overlay, "utf8")}
  - target: $.components.parameters['LogListRequest.page_size'].schema
    description: A multiple of 10.
    update:
      multipleOf: 10
`,
    );
    const run = await update("same-spec", readFileSync(join(temp, "spec/voice.yaml"), "utf8"));
    expect(run.code, run.stderr).toBe(0);
    // A second update of the day from a file of the same name keeps the first one's report.
    const again = await update("same-spec", readFileSync(join(temp, "spec/voice.yaml"), "utf8"));
    expect(again.code, again.stderr).toBe(0);
    const reports = readdirSync(join(temp, "spec/provenance/reports")).filter((file) =>
      file.includes("same-spec"),
    );
    expect(reports.sort()).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\d-same-spec-2\.json$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d-same-spec-2\.md$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d-same-spec\.json$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d-same-spec\.md$/),
    ]);
    // Both sides bundled with the edited overlay would show no change at all.
    expect(run.stdout).toMatch(
      /\| \S+ (major|minor|patch) \| GET \/logs, query parameter `page_size`: `multipleOf` was set to '10'\./,
    );
  });
});
