import { defineConfig } from "vitest/config";

// Packing, tsc over every block and one process per runnable block: minutes of room for a busy
// machine, though a quiet one needs seconds.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000 },
});
