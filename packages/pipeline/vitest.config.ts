import { defineConfig } from "vitest/config";

// The pipeline tests copy the repo and run turbo, redocly and openapi-typescript on it: a few
// seconds on a quiet machine, many more beside the rest of `npm test` on two cores.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
