// @ts-check
// release:e2e's temp folders name their owner (.owner-pid): a run killed outright (SIGKILL)
// cannot clean up, so the next run removes the folders whose owner is gone.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PREFIX = "release-e2e-";

/**
 * Marks `folder` as this process's.
 * @param {string} folder
 */
export function claimFolder(folder) {
  writeFileSync(join(folder, ".owner-pid"), String(process.pid));
}

/**
 * Removes the temp folders of earlier runs that were killed outright (their owner is gone).
 *
 * @example
 * removeStaleFolders((line) => console.log(line));
 *
 * @param {(line: string) => void} log
 * @param {string} [dir] where the temp folders are
 */
export function removeStaleFolders(log, dir = tmpdir()) {
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(PREFIX)) continue;
    const folder = join(dir, entry);
    const owner = Number(readFileIfAny(join(folder, ".owner-pid")));
    if (!Number.isInteger(owner) || owner <= 0 || isRunning(owner)) continue;
    rmSync(folder, { recursive: true, force: true });
    log(`  removed ${folder}, left by a run that was killed (pid ${owner})`);
  }
}

/** @param {string} path */
function readFileIfAny(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Signal 0 only asks whether the process exists. @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}
