import { type Document, LineCounter, parseDocument, YAMLParseError } from "yaml";
import { SpecDiffError } from "../spec-diff-error.js";
import type { SpecSource } from "./spec-source.js";

/** A loose view of an OpenAPI document: spec-diff walks it by key. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A parsed spec: its data, plus the YAML tree and line table that map pointers to lines. */
export interface ParsedSpec {
  source: SpecSource;
  data: JsonObject;
  document: Document.Parsed;
  lines: LineCounter;
}

/**
 * Parses a spec's YAML (or JSON) and checks it is an OpenAPI 3.x document, with an error
 * that names the file, the line and the fix when it is not.
 */
export function parseSpec(source: SpecSource, role: string): ParsedSpec {
  const lines = new LineCounter();
  const document = parseDocument(source.text, { lineCounter: lines, uniqueKeys: false });
  const [error] = document.errors;
  if (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : "";
    const reason = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, "");
    throw new SpecDiffError(
      `The ${role} spec \`${source.label}\` is not valid YAML${where}: ${reason}. Fix the file (\`pnpm spec:lint\` shows the spot), or check that you passed the right one.`,
      { cause: error },
    );
  }
  const data: unknown = document.toJS({ maxAliasCount: -1 });
  if (!isObject(data) || typeof data.openapi !== "string" || !/^3\./.test(data.openapi)) {
    const found = isObject(data)
      ? data.swagger
        ? `Swagger ${String(data.swagger)}`
        : "no `openapi:` field"
      : typeof data;
    throw new SpecDiffError(
      `The ${role} spec \`${source.label}\` is not an OpenAPI 3.x document (found ${found}). spec-diff compares OpenAPI 3.0/3.1 files such as spec/voice.yaml.`,
    );
  }
  return { source, data, document, lines };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const firstLine = (text: string) => text.split("\n")[0]?.replace(/\.$/, "") ?? text;
