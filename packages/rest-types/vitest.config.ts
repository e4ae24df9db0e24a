import { defineConfig } from "vitest/config";

// task-isolation copies the repo and runs turbo's dry runs on it: under a second on a quiet
// machine, many more beside the rest of `npm test` on two cores.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
