import { readFileSync } from "node:fs";
import { defineConfig } from "tsdown";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  entry: { index: "src/index.ts", dates: "src/dates/index.ts", validation: "src/validation/index.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  clean: true,
  fixedExtension: true,
  // The User-Agent's version, from package.json at build time (changesets bumps only that file).
  define: { __VERSION__: JSON.stringify(version) },
  // Rolldown's interop helpers in a chunk of their own: left to itself it may put them in the
  // main entry, which then exports them (`__toESM`) to the other entry points.
  outputOptions: { codeSplitting: { groups: [{ name: "runtime", test: /rolldown\/runtime/ }] } },
});
