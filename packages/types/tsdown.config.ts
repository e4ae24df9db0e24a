import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts", dates: "src/dates.ts", validators: "src/validators.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  clean: true,
  fixedExtension: true,
  // The generated validators call ajv-formats' format checks (and may call Ajv's runtime
  // helpers): inlined, so the package keeps no dependencies.
  deps: { onlyBundle: ["ajv", "ajv-formats"] },
});
