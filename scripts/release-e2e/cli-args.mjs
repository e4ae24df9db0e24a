// @ts-check
// release:e2e's command line: --ref, --keep, --verbose, --help.

export const USAGE = "Usage: pnpm release:e2e [--ref <git revision>] [--keep] [--verbose]";

const HELP = `Runs the release end to end against Verdaccio on 127.0.0.1, in a temporary copy of the repo.
  --ref <rev>   copy that commit instead of the working tree (tracked + untracked, not ignored)
  --keep        leave the temporary folder (processes are stopped either way)
  --verbose     print every command's output`;

/**
 * The options; prints the help and exits 0 on --help, prints the usage and exits 2 on anything
 * it does not know.
 *
 * @example
 * parseArgs(["--ref", "HEAD", "--keep"]) // → { ref: "HEAD", keep: true, verbose: false }
 *
 * @param {string[]} argv
 */
export function parseArgs(argv) {
  const options = { ref: /** @type {string | undefined} */ (undefined), keep: false, verbose: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const value = argv[index + 1];
    if (arg === "--help" || arg === "-h") {
      console.log(`${USAGE}\n${HELP}`);
      process.exit(0);
    } else if (arg === "--keep") options.keep = true;
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--ref" && value && !value.startsWith("--")) {
      options.ref = value;
      index += 1;
    } else {
      console.error(
        `✖ release:e2e: ${arg === "--ref" ? "--ref needs a git revision" : `unknown argument ${arg}`}.\n${USAGE}`,
      );
      process.exit(2);
    }
  }
  return options;
}
