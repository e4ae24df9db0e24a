/**
 * Where the CLI writes and reads relative paths from; tests and wrappers pass their own.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.env.INIT_CWD ?? process.cwd() };
 * ```
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}
