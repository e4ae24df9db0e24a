// @ts-check
// Preloaded (`node --import`) into the servers release:e2e starts (Verdaccio, the mock server):
// release:e2e holds the other end of their stdin, so when it exits, however it exits (even
// SIGKILL, which runs no cleanup), the pipe closes and the server exits with it.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
