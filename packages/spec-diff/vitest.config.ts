import { defineConfig } from "vitest/config";

// Every case spawns the pinned redocly CLI (0.3–1 s each), so tests get room to breathe.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 120_000 } });
