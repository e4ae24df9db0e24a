// @ts-check
// The pinned pnpm (npm-installed in scripts/toolchain) as an executable named `pnpm`, for
// PATH: changesets runs `pnpm publish` by name, and turbo runs package scripts with it. npm
// installs pnpm's bin as a shebang-less placeholder (its install script, which we skip, would
// swap in the native binary); shells run it, but turbo's spawn cannot ("Exec format error").
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Creates `binDir/pnpm`: a link to the native binary of this platform when npm installed it,
 * else a shell script that runs pnpm's Node entry point. Returns the path.
 *
 * @example
 * const pnpm = linkPnpm(toolsDir, join(temp, "bin")); // then PATH=<temp>/bin:$PATH
 *
 * @param {string} toolsDir
 * @param {string} binDir
 */
export function linkPnpm(toolsDir, binDir) {
  mkdirSync(binDir, { recursive: true });
  const target = join(binDir, "pnpm");
  rmSync(target, { force: true });
  const native = join(toolsDir, "node_modules/@pnpm", `exe.${process.platform}-${process.arch}`, "pnpm");
  if (existsSync(native)) {
    symlinkSync(native, target);
  } else {
    const entry = join(toolsDir, "node_modules/pnpm/bin/pnpm.mjs");
    writeFileSync(
      target,
      `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(entry)} "$@"\n`,
    );
    chmodSync(target, 0o755);
  }
  return target;
}
