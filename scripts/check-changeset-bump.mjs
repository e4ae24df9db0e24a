// @ts-check
// `node scripts/check-changeset-bump.mjs --report <spec-diff.json> (--base <git-ref> | --changeset <file>…)`
// The spec-diff PR check: fails when the changesets a pull request adds bump any package the
// spec change touches (spec-diff's list: the types and the client, see
// changeset-bump/touched-packages.mjs) less than the change needs (the `bump` of `pnpm
// spec-diff --format json`). Bumping more is fine: the PR may change more than the spec.
//   --base <ref>         the changesets are the .changeset/*.md files added since <ref> (git)
//   --changeset <file>   or name them (repeatable)
//   --package <name>     check these packages instead of the ones the report touches (repeatable)
//   --comment <file>     append the verdict to this markdown file (the sticky PR comment)
// Exit codes: 0 enough, 1 too little, 2 bad input.
import { appendFileSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { changesetsAddedSince, parseChangeset } from "./changeset-bump/changesets.mjs";
import { touchedPackages } from "./changeset-bump/touched-packages.mjs";
import { checkChangesetBump } from "./changeset-bump/verdict.mjs";

export { BUMPS, changesetsAddedSince, parseChangeset } from "./changeset-bump/changesets.mjs";
export { touchedPackages } from "./changeset-bump/touched-packages.mjs";
export { checkChangesetBump } from "./changeset-bump/verdict.mjs";

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ report?: string; base?: string; comment?: string; changesets: string[]; packages: string[] }} */
  const args = { changesets: [], packages: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value.`);
    index += 1;
    if (flag === "--report") args.report = value;
    else if (flag === "--base") args.base = value;
    else if (flag === "--comment") args.comment = value;
    else if (flag === "--changeset") args.changesets.push(value);
    else if (flag === "--package") args.packages.push(value);
    else throw new Error(`Unknown argument ${flag}.`);
  }
  const { report } = args;
  if (!report) throw new Error("--report <spec-diff.json> is required.");
  if (!args.base && args.changesets.length === 0)
    throw new Error("Pass --base <git-ref> or --changeset <file>.");
  return { ...args, report };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  /** @type {import("./changeset-bump/verdict.mjs").BumpVerdict} */
  let verdict;
  /** @type {ReturnType<typeof parseArgs>} */
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    /** @type {import("./changeset-bump/touched-packages.mjs").SpecDiffReport} */
    const report = JSON.parse(readFileSync(resolve(cwd, args.report), "utf8"));
    const paths = [
      ...args.changesets.map((path) => resolve(cwd, path)),
      ...(args.base ? changesetsAddedSince(args.base, cwd) : []),
    ];
    const changesets = paths.map((path) =>
      parseChangeset({ path: relative(cwd, path), text: readFileSync(path, "utf8") }),
    );
    const packages = args.packages.length > 0 ? args.packages : await touchedPackages(report);
    verdict = checkChangesetBump({ required: report.bump, changesets, packages });
  } catch (error) {
    console.error(`✖ check-changeset-bump: ${/** @type {Error} */ (error).message}`);
    process.exit(2);
  }
  (verdict.ok ? console.log : console.error)(verdict.message);
  // On GitHub, also an annotation on the PR's checks page.
  if (!verdict.ok && process.env.GITHUB_ACTIONS === "true") {
    const data = verdict.message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
    console.log(`::error title=Changeset bump::${data}`);
  }
  if (args.comment) appendFileSync(resolve(cwd, args.comment), `\n${verdict.message}\n`);
  process.exitCode = verdict.ok ? 0 : 1;
}
