import { defineConfig } from "tsdown";

// ESM only: a private command-line tool run by Node, never imported by a CJS consumer.
export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  platform: "node",
  dts: true,
  clean: true,
  fixedExtension: true,
});
