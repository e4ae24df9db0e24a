// @ts-check
// One run of release:e2e: its temp folder (owned by this process, removed at the end unless
// --keep), its scope of processes (all stopped at the end, on failure, Ctrl-C and SIGTERM),
// its numbered steps with their times, and its verdict line.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CommandError, createScope } from "./processes.mjs";
import { claimFolder, removeStaleFolders } from "./stale-folders.mjs";

/**
 * @typedef {object} Session
 * @property {string} temp the run's temporary folder
 * @property {ReturnType<typeof createScope>} scope every process it starts
 * @property {(line: string) => void} say a line of the run's story
 * @property {(line: string) => void} detail an indented line under the current step
 * @property {((text: string) => void) | undefined} echo every command's output (--verbose), else undefined
 * @property {<T>(title: string, body: () => Promise<T> | T) => Promise<T>} step a numbered, timed step
 */

const seconds = (/** @type {number} */ since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs `main` in a new session; sets the exit code, says how it ended, and always stops every
 * process and (without `keep`) removes the temp folder.
 *
 * @example
 * await runSession({ keep: false, verbose: false }, async ({ step }) => { await step("Build", build); });
 *
 * @param {{ keep: boolean; verbose: boolean }} options
 * @param {(session: Session) => Promise<void>} main
 */
export async function runSession({ keep, verbose }, main) {
  const started = Date.now();
  const scope = createScope();
  const say = (/** @type {string} */ line) => console.log(line);
  let stepNumber = 0;
  /** @type {Session["step"]} */
  const step = async (title, body) => {
    stepNumber += 1;
    say(`\n▶ ${stepNumber}. ${title}`);
    const since = Date.now();
    const result = await body();
    say(`✔ ${stepNumber}. ${title} (${seconds(since)})`);
    return result;
  };
  stopOnSignals(scope);
  removeStaleFolders(say);
  const temp = mkdtempSync(join(tmpdir(), "release-e2e-"));
  claimFolder(temp);
  if (!keep) scope.addFolder(temp);
  try {
    await main({
      temp,
      scope,
      say,
      detail: (line) => console.log(`    ${line}`),
      echo: verbose ? (text) => process.stdout.write(text.replace(/^(?=.)/gm, "    │ ")) : undefined,
      step,
    });
    say(`\n✔ release:e2e passed in ${seconds(started)}.`);
  } catch (error) {
    console.error(
      `\n✖ release:e2e failed after ${seconds(started)}: ${/** @type {Error} */ (error).message}`,
    );
    if (error instanceof CommandError && error.output) console.error(error.output.replace(/^/gm, "    │ "));
    else if (!(error instanceof Error) || !error.message) console.error(error);
    process.exitCode = 1;
  } finally {
    await scope.close();
    say(
      keep
        ? `  Processes stopped; temp folder kept: ${temp}`
        : "  Verdaccio and every process it started are stopped; temp folder removed.",
    );
  }
}

/** Ctrl-C, SIGTERM and SIGHUP stop everything the run started, then exit. @param {ReturnType<typeof createScope>} scope */
function stopOnSignals(scope) {
  let stopping = false;
  for (const [signal, code] of /** @type {const} */ ([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ])) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(
        `\n✖ release:e2e: ${signal}: stopping Verdaccio and every command it started, removing its temp folder…`,
      );
      void scope.close().finally(() => process.exit(code));
    });
  }
}
