import { describe, expect, it } from "vitest";
import { type CliArgs, parseCliArgs } from "../src/internal/cli-args.js";

const defaults: CliArgs = {
  base: "a.yaml",
  head: "b.yaml",
  format: "markdown",
  failOn: "none",
  writeChangeset: false,
  changesetDir: undefined,
  overlays: undefined,
  baseOverlays: undefined,
  output: undefined,
};
const required = ["--base", "a.yaml", "--head", "b.yaml"];

describe("parseCliArgs", () => {
  it.each<[string, string[], Partial<CliArgs>]>([
    ["defaults", [], {}],
    ["--format json", ["--format", "json"], { format: "json" }],
    ["--format=github", ["--format=github"], { format: "github" }],
    ["--fail-on minor", ["--fail-on", "minor"], { failOn: "minor" }],
    [
      "--write-changeset",
      ["--write-changeset", "--changeset-dir", "out"],
      { writeChangeset: true, changesetDir: "out" },
    ],
    ["--no-overlay", ["--no-overlay"], { overlays: [] }],
    ["--overlay twice", ["--overlay", "a.yaml", "--overlay", "b.yaml"], { overlays: ["a.yaml", "b.yaml"] }],
    [
      "--base-overlay",
      ["--base-overlay", "main:spec/overlays/sdk.yaml"],
      { baseOverlays: ["main:spec/overlays/sdk.yaml"] },
    ],
    ["--output", ["--output", "report.md"], { output: "report.md" }],
  ])("%s", (_name, argv, want) => {
    expect(parseCliArgs([...required, ...argv])).toEqual({ ...defaults, ...want });
  });

  it("answers help", () => {
    expect(parseCliArgs(["--help"])).toBe("help");
    expect(parseCliArgs(["-h"])).toBe("help");
  });

  it.each([
    [["--head", "b.yaml"], "Both --base and --head are required (got no --base)."],
    [[], "Both --base and --head are required (got no --base, no --head)."],
    [[...required, "--format"], "Option '--format <value>' argument missing"],
    [[...required, "--fail-on", "--no-overlay"], "Option '--fail-on' argument is ambiguous."],
    [[...required, "--format", "yaml"], "--format must be one of markdown, json, github (got `yaml`)."],
    [[...required, "--fail-on", "huge"], "--fail-on must be major, minor, patch or none (got `huge`)."],
    [[...required, "--colour"], "Unknown option '--colour'"],
    [
      [...required, "--no-overlay", "--overlay", "x.yaml"],
      "--no-overlay cannot be combined with --overlay or --base-overlay.",
    ],
    [[...required, "extra.yaml"], "Unexpected argument 'extra.yaml'"],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
