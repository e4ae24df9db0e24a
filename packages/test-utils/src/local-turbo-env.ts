/**
 * The environment for a test that runs turbo and asserts cache hits or misses: this process's
 * environment without any `TURBO_*` variable (a CI job's remote cache, team or token must not
 * answer for the test's own cache), with telemetry off.
 *
 * @example
 * ```ts
 * spawnSync("turbo", ["run", "build", "--dry=json"], { cwd, env: localTurboEnv() });
 * ```
 */
export function localTurboEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TURBO_")));
  return { ...env, TURBO_TELEMETRY_DISABLED: "1", ...extra };
}
