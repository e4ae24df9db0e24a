/**
 * Defaults of `MockServerOptions`, also the CLI's: the credentials a client under test
 * should send unless it passes its own.
 *
 * @example
 * ```ts
 * const { projectId, token } = MOCK_SERVER_DEFAULTS;
 * const authorization = `Basic ${btoa(`${projectId}:${token}`)}`;
 * ```
 */
export const MOCK_SERVER_DEFAULTS = {
  logs: 1000,
  seed: 1,
  projectId: "test-project",
  token: "test-token",
} as const;
