import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, sep } from "node:path";
import { bundleApi, generateTypes, lintApi, loadApis, workspaceDir } from "@signalwire-voice/pipeline";
import { diffSpecs } from "./diff-specs.js";
import { formatJson } from "./format/format-json.js";
import { formatMarkdown } from "./format/format-markdown.js";
import type { Report } from "./report.js";
import { SpecDiffError } from "./spec-diff-error.js";
import { writeChangeset } from "./write-changeset.js";

/**
 * Options of {@link updateSpec}.
 *
 * @example
 * ```ts
 * const options: UpdateSpecOptions = { from: "signalwire/docs fern/apis/voice/openapi.yaml at 47cb78e" };
 * ```
 */
export interface UpdateSpecOptions {
  /** Where the file came from (a URL, a repository and commit), for the provenance record. */
  from?: string | undefined;
  /** Progress lines; `console.log` by default. */
  log?: ((line: string) => void) | undefined;
}

/**
 * `pnpm spec:update <file>`: from "SignalWire published a new spec" to a reviewable change.
 * Replaces the voice spec with `source`, lints it, bundles it with the overlays, regenerates the
 * types, compares it with the previous spec (bundled with the overlays as committed), writes the changeset, the provenance record and the
 * report (`spec/provenance/reports/<date>-<file>.md` and `.json`, for reviewers and the
 * changelog's history). Any failure puts the previous spec, bundle and types back and throws a
 * SpecDiffError saying why: a bad document changes nothing.
 *
 * @example
 * ```ts
 * const report = await updateSpec("/downloads/voice.yaml", { from: "https://example.com/voice.yaml" });
 * console.log(report.bump);
 * ```
 */
export async function updateSpec(source: string, options: UpdateSpecOptions = {}): Promise<Report> {
  const { log = console.log } = options;
  if (!existsSync(source))
    throw new SpecDiffError(`${source} does not exist. Pass the path of the downloaded spec.`);
  const text = readFileSync(source, "utf8");
  const [api] = loadApis("voice");
  if (!api) throw new SpecDiffError("the pipeline's apis.json has no `voice` API.");
  const show = (path: string) => relative(workspaceDir, path);
  const work = mkdtempSync(join(tmpdir(), "spec-update-"));
  const previous = join(work, "voice.previous.yaml");
  copyFileSync(api.upstream, previous);
  const previousTypes = readFileSync(api.types, "utf8");
  const restore = (why: string): never => {
    copyFileSync(previous, api.upstream);
    writeFileSync(api.types, previousTypes);
    bundleApi(api, api.bundle, false);
    throw new SpecDiffError(`${why} ${show(api.upstream)} and the generated types are unchanged.`);
  };
  try {
    writeFileSync(api.upstream, text);
    log(`▶ Replaced ${show(api.upstream)} with ${basename(source)}.`);
    if (!lintApi(api)) restore(`${basename(source)} has lint errors (above).`);
    log(`✔ Linted (${api.name}@upstream).`);
    if (!bundleApi(api, api.bundle)) {
      restore("the bundle (spec + overlay) failed (above); the overlay may need updating.");
    }
    log(`✔ Bundled with ${api.overlays.map(show).join(", ")} → ${show(api.bundle)} (strict lint passed).`);
    writeFileSync(api.types, await generateTypes(api.bundle, api.name));
    log(`✔ Regenerated ${show(api.types)}.`);

    const report = await diffSpecs({
      base: previous,
      head: api.upstream,
      cwd: workspaceDir,
      overlays: api.overlays,
      baseOverlays: committedOverlays(api.overlays),
      labels: { base: `${show(api.upstream)} (before)`, head: show(api.upstream) },
    });
    log(`\n${formatMarkdown(report)}`);
    const changeset = writeChangeset(report, join(workspaceDir, ".changeset"));
    log(
      changeset.written
        ? `✔ Wrote ${show(changeset.path)}: ${changeset.packages.map((p) => `${p.name} ${p.bump}`).join(", ")}.`
        : `• ${changeset.reason}`,
    );
    const taken = new Date().toISOString().slice(0, 10);
    const reports = join(workspaceDir, "spec/provenance/reports");
    // A second update of the day from a file of the same name gets its own report: `…-2`.
    const stem = join(reports, `${taken}-${basename(source).replace(/\.(ya?ml|json)$/i, "")}`);
    let reportPath = stem;
    for (let n = 2; existsSync(`${reportPath}.md`); n++) reportPath = `${stem}-${n}`;
    mkdirSync(reports, { recursive: true });
    writeFileSync(`${reportPath}.md`, formatMarkdown(report));
    writeFileSync(`${reportPath}.json`, formatJson(report));
    log(`✔ Saved the report as ${show(reportPath)}.md and .json.`);
    const record = join(workspaceDir, "spec/provenance", `${api.name}.json`);
    writeFileSync(
      record,
      provenance({
        file: basename(source),
        from: options.from,
        taken,
        report: relative(dirname(record), `${reportPath}.md`),
        contents: text,
      }),
    );
    log(`✔ Recorded where the spec came from in ${show(record)}.`);
    return report;
  } catch (error) {
    if (error instanceof SpecDiffError) throw error;
    log(String((error as Error).stack ?? error));
    return restore("an unexpected error stopped the update (above).");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The overlays as committed (`HEAD:<path>`), for the spec as it was: an overlay edited for the
 * new spec is then part of the change being judged, as in the PR check. Outside a git checkout,
 * or for an overlay git does not track yet, the files as they are.
 */
function committedOverlays(overlays: readonly string[]): string[] {
  return overlays.map((overlay) => {
    const path = relative(workspaceDir, overlay).split(sep).join("/");
    const tracked = spawnSync("git", ["cat-file", "-e", `HEAD:${path}`], { cwd: workspaceDir });
    return tracked.status === 0 ? `HEAD:${path}` : overlay;
  });
}

/**
 * The provenance record (spec/provenance/<api>.json) of a spec taken from `file`: its hash lets a
 * test prove the upstream document is never edited by hand afterwards.
 */
function provenance(taken: {
  file: string;
  from: string | undefined;
  taken: string;
  report: string;
  contents: string;
}): string {
  const record = {
    $comment:
      "Where the upstream spec came from, and its SHA-256 when taken: a test fails if the file is edited by hand. `pnpm spec:update <file>` rewrites this record.",
    source: `${taken.from ?? taken.file}, taken by \`pnpm spec:update\` on ${taken.taken}`,
    file: taken.file,
    report: taken.report,
    sha256: createHash("sha256").update(taken.contents).digest("hex"),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}
