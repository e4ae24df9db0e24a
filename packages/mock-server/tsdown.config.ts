import { defineConfig } from "tsdown";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    platform: "node",
    dts: true,
    clean: true,
    fixedExtension: true,
  },
  {
    // The bin: ESM only, no types; it bundles its own copy of the server (~20 kB).
    entry: ["src/cli.ts"],
    format: ["esm"],
    platform: "node",
    dts: false,
    clean: false,
    fixedExtension: true,
  },
]);
