import { open, readFile, rm, writeFile } from "node:fs/promises";
import { UsageError } from "../usage-error.js";

/**
 * Takes `FILE.lock` for this process, so two runs never write one export at once. A lock left
 * by a process that is gone (a crash, a kill) is taken over. Resolves to the function that
 * releases it.
 *
 * @example const release = await lockExport("logs.ndjson"); … await release();
 */
export async function lockExport(file: string): Promise<() => Promise<void>> {
  const path = `${file}.lock`;
  const mine = `${process.pid}\n`;
  try {
    const handle = await open(path, "wx");
    try {
      await handle.writeFile(mine);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
    if (Number.isSafeInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new UsageError(
        `another signalwire-voice (pid ${holder}) is writing ${file}: wait for it to end, or stop it, then run this again.`,
      );
    }
    await writeFile(path, mine);
  }
  return () => rm(path, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
