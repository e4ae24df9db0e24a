// @ts-check
// List voice logs page by page, then fetch one of them by id and print its events. With SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN and
// SIGNALWIRE_SPACE (or SIGNALWIRE_BASE_URL) set it asks that server; otherwise it starts the mock
// server in process. Usage: node list-logs.mjs [--pages N] [--page-size N] [--help]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "@signalwire-voice/cli";
import { createVoiceClient, isDiscardedLog, unwrap } from "@signalwire-voice/client";
import { startMockServer } from "@signalwire-voice/mock-server";
import { paginate } from "@signalwire-voice/pagination";
import { parseDemoArgs, USAGE, UsageError } from "./args.mjs";

/** @type {ReturnType<typeof parseDemoArgs>} */
let args;
try {
  args = parseDemoArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`✖ ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const { pages, pageSize } = args;

const env = process.env;
const real = Boolean(
  (env.SIGNALWIRE_SPACE || env.SIGNALWIRE_BASE_URL) && env.SIGNALWIRE_PROJECT_ID && env.SIGNALWIRE_API_TOKEN,
);
const mock = real ? undefined : await startMockServer({ logs: pages * pageSize + 37, port: 0 });
try {
  // The client reads the SIGNALWIRE_* variables itself; the mock needs its own URL and credentials.
  const client = mock
    ? createVoiceClient({ baseUrl: mock.baseUrl, projectId: "test-project", token: "test-token" })
    : createVoiceClient();
  console.log(
    mock
      ? `Listing voice logs from the embedded mock server at ${mock.baseUrl}`
      : `Listing voice logs from ${env.SIGNALWIRE_BASE_URL || `${env.SIGNALWIRE_SPACE}.signalwire.com`}`,
  );

  let number = 0;
  /** The first live log listed: the one fetched by id afterwards. */
  let sample;
  /** The time range of the logs listed: exported at the end. */
  let newest;
  let oldest;
  for await (const page of paginate(client, "/logs", {
    pageSize,
    query: { include_deleted: true },
  }).pages()) {
    number += 1;
    const counts = new Map();
    for (const log of page.items) {
      const kind = isDiscardedLog(log) ? "discarded" : log.type;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    sample ??= page.items.find((log) => !isDiscardedLog(log));
    const first = page.items[0];
    const last = page.items.at(-1);
    newest ??= first?.created_at;
    oldest = last?.created_at ?? oldest;
    console.log(
      `page ${number}: ${page.items.length} logs, ${last?.created_at ?? "-"} … ${first?.created_at ?? "-"}`,
      `(${[...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, count]) => `${kind} ${count}`)
        .join(", ")})`,
    );
    for (const log of page.items.slice(0, 2)) {
      console.log(
        isDiscardedLog(log)
          ? `    ${log.id}  discarded at ${log.discarded_at}`
          : `    ${log.id}  ${log.type.padEnd(28)} ${log.from} → ${log.to}  $${log.charge.toFixed(4)}`,
      );
    }
    if (number === pages) {
      // `break` ends the walk: no further request is sent.
      if (page.links.next) console.log(`… more pages; stopped after ${pages} (--pages N to see more).`);
      break;
    }
  }

  if (sample) {
    // The same log by id (GET /logs/{id}), then every event of its lifetime (GET /logs/{id}/events).
    const path = { id: sample.id };
    const log = unwrap(await client.GET("/logs/{id}", { params: { path } }));
    const what = isDiscardedLog(log) ? "discarded" : `${log.type}, ${log.status ?? "no status"}`;
    console.log(`\nlog ${log.id} (${what}), created ${log.created_at}:`);
    const { data: events } = unwrap(await client.GET("/logs/{id}/events", { params: { path } }));
    for (const event of events) console.log(`    ${event.event_at}  ${event.level.padEnd(5)}  ${event.name}`);
    console.log(`${events.length} events.`);
  }

  if (newest && oldest) await exportListed(oldest, newest);
} catch (error) {
  // Our errors never carry the token; print the message and what to do.
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await mock?.close();
}

/**
 * The logs listed above, exported to CSV by the `signalwire-voice` command (run in process here;
 * from a shell it is the same command line): four workers, a progress line, a state file that
 * makes it resumable.
 *
 * @param {string} since the oldest log's created_at
 * @param {string} newest the newest log's created_at: the export stops just after it
 */
async function exportListed(since, newest) {
  const directory = mkdtempSync(join(tmpdir(), "signalwire-voice-demo-"));
  try {
    const file = join(directory, "logs.csv");
    const until = new Date(Date.parse(newest) + 1).toJSON();
    const argv = ["logs", "export", "--since", since, "--until", until, "--include-deleted"];
    const options = ["--format", "csv", "--concurrency", "4", "--progress", "lines"];
    console.log(`\n$ signalwire-voice ${[...argv, ...options, "--out", "logs.csv"].join(" ")}`);
    const code = await main([...argv, ...options, "--out", file], {
      env: mock
        ? {
            SIGNALWIRE_BASE_URL: mock.baseUrl,
            SIGNALWIRE_PROJECT_ID: "test-project",
            SIGNALWIRE_API_TOKEN: "test-token",
          }
        : env,
      stdout: process.stdout,
      // Its progress and messages (stderr in a shell), shown in line with the rest of the demo.
      stderr: { write: (text) => process.stdout.write(`    ${text}`) },
    });
    if (code !== 0) throw new Error(`the export exited ${code}`);
    const rows = readFileSync(file, "utf8").trimEnd().split("\r\n");
    for (const row of rows.slice(0, 3))
      console.log(`    ${row.length > 110 ? `${row.slice(0, 109)}…` : row}`);
    console.log(`logs.csv: a header and ${rows.length - 1} rows.`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
