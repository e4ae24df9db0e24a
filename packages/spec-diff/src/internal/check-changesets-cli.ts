import { appendFileSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type ChangesetVerdict, checkChangesets, readPullRequestChangesets } from "../check-changesets.js";
import type { CliIo } from "../cli-io.js";
import type { Report } from "../report.js";
import { SpecDiffError } from "../spec-diff-error.js";

export const CHECK_USAGE = `Usage: pnpm spec-diff check-changesets --report <spec-diff.json> (--base <git-ref> | --changeset <file>...) [--comment <file>]

The spec-diff PR check: fails when the pull request's changesets bump a package the spec change
touches (the report's \`packages\`) less than the change needs (its \`bump\`). More is fine.

  --report <file>      a report of \`pnpm spec-diff --format json\`
  --base <ref>         the .changeset/*.md files changed since this git ref
  --changeset <file>   or these files (repeatable)
  --comment <file>     append the verdict to this markdown file (the sticky PR comment)
Exit codes: 0 enough, 1 too little, 2 bad input.`;

/** `spec-diff check-changesets …`: returns the exit code. */
export async function runCheckChangesets(argv: readonly string[], io: CliIo): Promise<number> {
  let verdict: ChangesetVerdict;
  let comment: string | undefined;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        report: { type: "string" },
        base: { type: "string" },
        changeset: { type: "string", multiple: true, default: [] },
        comment: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) {
      io.stdout(`${CHECK_USAGE}\n`);
      return 0;
    }
    if (!values.report) throw new SpecDiffError("--report <spec-diff.json> is required.");
    if (!values.base && values.changeset.length === 0) {
      throw new SpecDiffError("Pass --base <git-ref> or --changeset <file>.");
    }
    comment = values.comment;
    const report = readReport(resolve(io.cwd, values.report), values.report);
    const changesets = await readPullRequestChangesets({
      cwd: io.cwd,
      base: values.base,
      files: values.changeset,
    });
    verdict = checkChangesets(report, changesets);
  } catch (error) {
    io.stderr(`✖ spec-diff check-changesets: ${(error as Error).message}\n\n${CHECK_USAGE}\n`);
    return 2;
  }
  (verdict.ok ? io.stdout : io.stderr)(`${verdict.message}\n`);
  if (!verdict.ok && process.env.GITHUB_ACTIONS === "true") {
    const data = verdict.message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
    io.stdout(`::error title=Changeset bump::${data}\n`);
  }
  if (comment) appendFileSync(resolve(io.cwd, comment), `\n${verdict.message}\n`);
  return verdict.ok ? 0 : 1;
}

function readReport(path: string, shown: string): Pick<Report, "bump" | "packages"> {
  let report: Partial<Report>;
  try {
    report = JSON.parse(readFileSync(path, "utf8")) as Partial<Report>;
  } catch (error) {
    throw new SpecDiffError(`cannot read ${shown}: ${(error as Error).message}`, { cause: error });
  }
  const bumps = ["none", "patch", "minor", "major"];
  if (!bumps.includes(String(report.bump))) {
    throw new SpecDiffError(
      `${shown}'s bump must be one of ${bumps.join(", ")} (got ${JSON.stringify(report.bump)}).`,
    );
  }
  if (!Array.isArray(report.packages)) {
    throw new SpecDiffError(`${shown} has no \`packages\`: make it with \`pnpm spec-diff --format json\`.`);
  }
  return report as Pick<Report, "bump" | "packages">;
}
