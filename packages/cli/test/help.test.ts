import { describe, expect, it } from "vitest";
import { runMain } from "./helpers/run-main.js";

describe.each([
  [["--help"], "signalwire-voice <command>"],
  [["-h"], "signalwire-voice <command>"],
  [["logs", "--help"], "signalwire-voice logs <get|events>"],
  [["logs", "export", "--help"], "signalwire-voice logs export --since <date> --until <date>"],
  [["logs", "get", "-h"], "signalwire-voice logs get <id>"],
  [["logs", "events", "--help"], "signalwire-voice logs events <id>"],
  [["logs", "get", "not-an-id", "--help"], "signalwire-voice logs get <id>"],
])("%j", (argv, usage) => {
  it("prints the usage on stdout and exits 0, sending nothing", async () => {
    const run = await runMain(argv, {});
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(new RegExp(`^Usage: ${usage.replace(/[|<>]/g, "\\$&")}`));
    for (const text of [
      "logs get <id>",
      "logs events <id>",
      "logs export --since <date> --until <date>",
      "--space",
      "--project-id",
      "--token",
      "--base-url",
      "--pretty",
      "SIGNALWIRE_SPACE",
      "SIGNALWIRE_PROJECT_ID",
      "SIGNALWIRE_API_TOKEN",
      "SIGNALWIRE_BASE_URL",
      "Environment variables are the safer way to pass the token",
      "Exit codes:",
    ]) {
      expect(run.stdout).toContain(text);
    }
    for (const code of [0, 1, 2, 3, 4, 5, 6, 130])
      expect(run.stdout).toMatch(new RegExp(`^  ${code}  \\w`, "m"));
  });
});
