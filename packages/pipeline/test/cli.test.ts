import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../src/cli.mjs", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });

describe("signalwire-pipeline on a bad command line: exit 2, what is wrong, and the usage", () => {
  it.each([
    [[], /no step given/],
    [["publish"], /unknown step "publish"/],
    [["lint", "extra"], /unknown step "lint extra"/],
    [["lint", "--api", "video"], /No API named "video" in the pipeline's apis\.json \(known: voice, rest\)/],
    [["lint", "--colour"], /Unknown option '--colour'/],
  ])("%j", (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage: signalwire-pipeline <step> [--api <name>]");
  });

  it("--help prints the usage and exits 0", () => {
    const result = run("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("check-generated  regenerate into a temp folder");
  });
});
