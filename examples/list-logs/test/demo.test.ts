import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const script = join(import.meta.dirname, "..", "list-logs.mjs");
/** Runs the demo with no SIGNALWIRE_* variables, so it uses the embedded mock server. */
function demo(args: string[] = []) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("SIGNALWIRE_")),
  );
  const result = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", env, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the README demo (list-logs.mjs)", () => {
  it("lists logs page by page from the embedded mock server, then stops", () => {
    const { status, stdout, stderr } = demo(["--pages", "3", "--page-size", "50"]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(
      /^Listing voice logs from the embedded mock server at http:\/\/127\.0\.0\.1:\d+\/api\/voice$/,
    );
    const pageLines = lines.filter((line) => line.startsWith("page "));
    expect(pageLines.map((line) => line.split(":")[0])).toEqual(["page 1", "page 2", "page 3"]);
    for (const line of pageLines) expect(line).toMatch(/^page \d: 50 logs, \d{4}-\d\d-\d\dT/);
    expect(stdout).toContain("stopped after 3 (--pages N to see more)");
    // Then the first live log listed, fetched by id, and its events.
    const logLine = lines.findIndex((line) =>
      /^log [0-9a-f-]{36} \((?!discarded)[a-z_]+, [a-z-]+\), created \d{4}-/.test(line),
    );
    expect(logLine, stdout).toBeGreaterThan(0);
    const eventsEnd = lines.findIndex((line) => / events\.$/.test(line));
    const events = lines.slice(logLine + 1, eventsEnd).filter((line) => line.startsWith("    "));
    expect(events.length).toBeGreaterThan(0);
    for (const event of events)
      expect(event).toMatch(/^ {4}\d{4}-\d\d-\d\dT\S+ {2}(info |warn |error|debug) {2}\S+$/);
    expect(lines).toContain(`${events.length} events.`);
    // Then the logs listed, exported to CSV by the signalwire-voice command: 150 logs, 150 rows.
    expect(stdout).toMatch(
      /\n\$ signalwire-voice logs export --since \S+ --until \S+ --include-deleted --format csv /,
    );
    expect(stdout).toMatch(/\n {4}signalwire-voice: exporting the logs of .* 4 windows, 4 at a time\n/);
    expect(stdout).toMatch(/\n {4}signalwire-voice: done: 150 logs, /);
    expect(stdout).toMatch(/\n {4}id,type,created_at,from,to,/);
    expect(lines).toContain("logs.csv: a header and 150 rows.");
  });

  it("never prints the credentials", () => {
    const { stdout, stderr } = demo(["--pages", "1"]);
    expect(`${stdout}${stderr}`).not.toContain("test-token");
    expect(`${stdout}${stderr}`).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
  });

  it.each([
    // given → the message on stderr, then the usage
    [["--pages", "zero"], '--pages needs a whole number ≥ 1, got "zero"'],
    [["--page-size", "1001"], '--page-size needs a whole number from 1 to 1000, got "1001"'],
    [["--pages"], "Option '--pages <value>' argument missing"],
    [["--page", "3"], "Unknown option '--page'"],
    [["extra"], "Unexpected argument 'extra'"],
  ])("rejects %j with a usage error (exit 2)", (args, message) => {
    const { status, stdout, stderr } = demo(args);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: npm start -- [--pages N] [--page-size N] [--help]");
    expect(stdout).toBe("");
  });

  it("prints its usage on --help and lists nothing", () => {
    const { status, stdout } = demo(["--help"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: npm start -- \[--pages N\] \[--page-size N\] \[--help\]\n/);
    expect(stdout).toContain("SIGNALWIRE_BASE_URL");
    expect(stdout).not.toContain("page 1");
  });
});
