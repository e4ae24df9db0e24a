import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Most cases run the pinned redocly CLI (~0.25 s of CPU a process, one per core at a time),
// the history test ~40 of them: beside the rest of `npm test` on two cores that takes many
// times longer than on a quiet machine, so no test or hook is cut short at vitest's defaults.
// The files mostly wait on those processes, so two run side by side even on two cores (where
// vitest's default is one).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
