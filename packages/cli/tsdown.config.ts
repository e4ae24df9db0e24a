import { defineConfig } from "tsdown";

export default defineConfig({
  // index: `main()` for tests and embedding; cli: the bin, which only calls it with process values.
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm", "cjs"],
  platform: "node",
  dts: true,
  clean: true,
  fixedExtension: true,
});
