import { createVoiceClient, type VoiceLog } from "@signalwire-voice/client";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { paginate } from "@signalwire-voice/pagination";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { csvFormat } from "../src/export/csv-format.js";
import type { RecordFormat } from "../src/export/record-format.js";
import { LOG_COLUMNS } from "../src/generated/log-columns.js";
import { PROJECT_ID, TOKEN } from "./helpers/run-main.js";

let server: RunningMockServer;
/** One page of real logs, deleted ones included, so every kind of log is in it. */
let logs: VoiceLog[];
beforeAll(async () => {
  server = await startMockServer({ logs: 1000, token: TOKEN });
  const client = createVoiceClient({ baseUrl: server.baseUrl, projectId: PROJECT_ID, token: TOKEN });
  logs = await paginate(client, "/logs", { query: { include_deleted: true }, pageSize: 1000 }).toArray({
    limit: 1000,
  });
});
afterAll(() => server.close());

const HEADER = [...LOG_COLUMNS.map(({ name }) => name), "other"];

/** The kinds of log of the spec's `VoiceLog` union, by the schema each log is an instance of. */
function kindOf(log: VoiceLog): string {
  if ("discarded_at" in log) return "deleted";
  if (log.type === "dialogflow_call") return "dialogflow";
  if (log.type === "fabric_subscriber_device_leg") return "fabric";
  return log.type.startsWith("video_room_") ? "video room" : "call";
}

/** A real CSV parser's reading of the export: the header once, then the rows. */
function parsed(logs: readonly VoiceLog[]): string[][] {
  const text = csvFormat.header + csvFormat.encode(logs);
  return parse(text, { record_delimiter: "\r\n" }) as string[][];
}

/** What a reader gets back from a row: the `'` dropped, empty cells left out, JSON cells parsed. */
function readBack(row: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  HEADER.forEach((name, index) => {
    const raw = row[index] ?? "";
    const cell = raw.startsWith("'") ? raw.slice(1) : raw;
    if (cell === "") return;
    const column = LOG_COLUMNS.find((column) => column.name === name);
    if (column === undefined) Object.assign(record, JSON.parse(cell));
    else record[name] = column.cell === "json" ? JSON.parse(cell) : cell;
  });
  return record;
}

/**
 * A log as the CSV holds it: null and "" left out (both are an empty cell), the spec's scalars
 * as text (numbers as JSON writes them), its lists and the properties it does not know as they are.
 */
function asCells(log: VoiceLog): Record<string, unknown> {
  const scalar = new Set<string>(LOG_COLUMNS.filter(({ cell }) => cell === "scalar").map(({ name }) => name));
  return Object.fromEntries(
    Object.entries(log)
      .filter(([, value]) => value !== null && value !== "")
      .map(([name, value]) => [
        name,
        scalar.has(name) && typeof value !== "string" ? JSON.stringify(value) : value,
      ]),
  );
}

/** A real log of one kind, with `changes` on top (as a server beyond the spec might send it). */
function logLike(kind: string, changes: Record<string, unknown>): VoiceLog {
  const log = logs.find((log) => kindOf(log) === kind);
  if (log === undefined) throw new Error(`no ${kind} log in the mock server's first page`);
  return { ...log, ...changes } as VoiceLog;
}

describe("csvFormat", () => {
  it("is a RecordFormat", () => {
    expectTypeOf(csvFormat).toEqualTypeOf<RecordFormat>();
  });

  it("writes the header once, for the spec's columns then `other`, UTF-8 without BOM, CRLF", () => {
    expect(csvFormat.header).toBe(`${HEADER.join(",")}\r\n`);
    expect(HEADER.slice(0, 3)).toEqual(["id", "type", "created_at"]);
    expect(csvFormat.header.charCodeAt(0)).not.toBe(0xfeff);
    const [first, second] = [logs.slice(0, 500), logs.slice(500)];
    const text = csvFormat.header + csvFormat.encode(first) + csvFormat.encode(second);
    const rows = parse(text, { record_delimiter: "\r\n" }) as string[][];
    expect(rows.filter((row) => row[0] === "id")).toEqual([HEADER]);
    expect(rows).toHaveLength(1 + logs.length);
    expect(csvFormat.encode(first)).not.toContain("id,type,created_at");
    expect(csvFormat.encode([])).toBe("");
    // The mock server's logs hold no line break, so each record is one line ending with CRLF.
    expect(text.split("\r\n")).toHaveLength(rows.length + 1);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  it("round-trips a page of real logs of every kind: each row reads back as its log", () => {
    expect(new Set(logs.map(kindOf))).toEqual(
      new Set(["call", "video room", "dialogflow", "fabric", "deleted"]),
    );
    const [header, ...rows] = parsed(logs);
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(logs.length);
    rows.forEach((row, index) => {
      const log = logs[index] as VoiceLog;
      expect(row, kindOf(log)).toHaveLength(HEADER.length);
      expect(readBack(row)).toEqual(asCells(log));
      expect(row.at(-1)).toBe("");
    });
    // The spec's list, charge_details, is one JSON cell that parses back to the same list.
    const charged = logs.findIndex((log) => "charge_details" in log && log.charge_details.length > 1);
    const cell = rows[charged]?.[HEADER.indexOf("charge_details")] ?? "";
    expect(JSON.parse(cell)).toEqual((logs[charged] as { charge_details: unknown }).charge_details);
  });

  it("leaves a kind's missing fields empty: a deleted log has only id, created_at and discarded_at", () => {
    const deleted = logs.filter((log) => kindOf(log) === "deleted");
    const [, ...rows] = parsed(deleted);
    for (const row of rows) {
      const filled = HEADER.filter((_, index) => row[index] !== "");
      expect(filled).toEqual(["id", "created_at", "discarded_at"]);
    }
  });

  const tricky: Array<[string, string]> = [
    ["quotes", 'say "hello"'],
    ["commas", "Doe, Jane"],
    ["CRLF", "line one\r\nline two"],
    ["LF alone", "line one\nline two"],
    ["CR alone", "line one\rline two"],
    ["everything at once", '"a",\r\n"b",\n,'],
    ["emoji", "📞 caller 👩🏽‍💻"],
    ["accents and other scripts", "Zoë Ångström, 東京, Ελλάδα"],
    ["a quote alone", '"'],
  ];
  it.each(tricky)("keeps %s in a cell as it was", (_name, text) => {
    const log = logLike("call", { from: text, to: text });
    const [, row] = parsed([log]);
    expect(row).toHaveLength(HEADER.length);
    expect(row?.[HEADER.indexOf("from")]).toBe(text);
    expect(readBack(row ?? [])).toEqual(asCells(log));
  });

  it("keeps the properties the spec does not know in `other`, as one JSON object", () => {
    const extra = { surprise: { nested: [1, "é", null] }, rating: -0.5, note: '=1+1, "quoted"\r\n' };
    const log = logLike("fabric", extra);
    const [, row] = parsed([log]);
    expect(row).toHaveLength(HEADER.length);
    expect(JSON.parse(row?.at(-1) ?? "")).toEqual(extra);
    expect(readBack(row ?? [])).toEqual(asCells(log));
  });

  it("keeps a hostile server's `__proto__` property as data in `other`", () => {
    const base = logLike("dialogflow", {});
    const log = JSON.parse(
      `{${JSON.stringify(base).slice(1, -1)},"__proto__":{"polluted":true}}`,
    ) as VoiceLog;
    const [, row] = parsed([log]);
    expect(row?.at(-1)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("writes a list or an object that arrives in a scalar column as JSON rather than lose it", () => {
    const log = logLike("call", { from: { name: "Jane", number: "+12065551212" }, charge_details: [] });
    const [, row] = parsed([log]);
    expect(JSON.parse(row?.[HEADER.indexOf("from")] ?? "")).toEqual({ name: "Jane", number: "+12065551212" });
    expect(row?.[HEADER.indexOf("charge_details")]).toBe("[]");
  });

  // OWASP CSV injection: a cell a spreadsheet would run as a formula is written with a leading `'`.
  const formulas: Array<[given: string, want: string]> = [
    ['=HYPERLINK("http://evil.test","click")', '\'=HYPERLINK("http://evil.test","click")'],
    ["=1+1", "'=1+1"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["\tfoo", "'\tfoo"],
    ["\r=1+1", "'\r=1+1"],
    ["+", "'+"],
    ["-", "'-"],
    ["+1 206 555 1212", "'+1 206 555 1212"],
    ["＝1+1", "'＝1+1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    // A leading ' gets one more, so "drop one leading '" reads every cell back exactly.
    ["'=1+1", "''=1+1"],
    ["'hello", "''hello"],
    // Plain numbers and ordinary text stay as they are.
    ["+12065551212", "+12065551212"],
    ["-0.5", "-0.5"],
    ["+1.5e3", "+1.5e3"],
    ["12065551212", "12065551212"],
    ["sip:alice@example.com", "sip:alice@example.com"],
    ["verto:bob@example.signalwire.com", "verto:bob@example.signalwire.com"],
    ["a=b", "a=b"],
    ["", ""],
  ];
  it.each(formulas)("writes the caller %j as %j", (given, want) => {
    const log = logLike("call", { from: given });
    const [, row] = parsed([log]);
    expect(row?.[HEADER.indexOf("from")]).toBe(want);
    expect(readBack(row ?? [])).toEqual(asCells(log));
  });

  it("leaves negative numbers as numbers", () => {
    const log = logLike("call", { charge: -0.5, duration: -1 });
    const [, row] = parsed([log]);
    expect(row?.[HEADER.indexOf("charge")]).toBe("-0.5");
    expect(row?.[HEADER.indexOf("duration")]).toBe("-1");
  });
});
