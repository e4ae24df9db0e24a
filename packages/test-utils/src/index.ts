/**
 * Test helpers shared by the workspace's tests: a real HTTP server on 127.0.0.1 that records what
 * it receives ({@link startTestServer}, {@link sendJson}), a copy of the repo's working tree to
 * run tools on ({@link copyWorkspace}), and two promise helpers ({@link settle}, {@link collect}).
 * All of it is exported: the package is private, for this workspace's tests.
 *
 * @example
 * ```ts
 * import { startTestServer } from "@signalwire-voice/test-utils";
 *
 * const other = await startTestServer();
 * // … point a client at other.url, then:
 * other.requests.length; // what reached the second origin
 * await other.close();
 * ```
 * @module
 */
export { collect } from "./collect.js";
export { type CopyWorkspaceOptions, copyWorkspace } from "./copy-workspace.js";
export { localTurboEnv } from "./local-turbo-env.js";
export { sendJson } from "./send-json.js";
export { settle } from "./settle.js";
export { type SeenRequest, startTestServer, type TestHandler, type TestServer } from "./test-server.js";
