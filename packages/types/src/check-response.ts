import { DISCRIMINATORS, VALIDATORS, type Validate } from "./generated/validators.js";

/**
 * What is wrong with an answer's body, by the spec: the violation that says most.
 *
 * @example
 * ```ts
 * const violation: Violation = { pointer: "/data/0/created_at", expected: 'must match format "date-time"', keyword: "format", received: '"yesterday"', logId: "b7182dc2-00f3-40e4-a5ce-20f164b329df" };
 * ```
 */
export interface Violation {
  /** Where, as a JSON pointer into the body: `"/data/3/created_at"`. */
  pointer: string;
  /** What the spec expected there, in Ajv's words. */
  expected: string;
  /** The JSON Schema keyword that failed: `"format"`, `"required"`, `"type"`… */
  keyword: string;
  /**
   * What was there, in at most 60 characters: JSON for a string, number, boolean or null, the
   * size of a list or an object; `undefined` where something was missing.
   */
  received: string | undefined;
  /** The `id` (or `log_id`) of the nearest object around the value that has one. */
  logId: string | undefined;
}

type AjvError = NonNullable<Validate["errors"]>[number];

/**
 * Checks `body`, the JSON an operation answered with `status`, against the spec. Returns
 * `undefined` when it conforms, or when the spec describes no JSON body for that operation and
 * status (nothing to check it against); otherwise the violation that says most (in a log of one
 * kind that breaks the spec, what that kind expects; in a log of a kind the spec does not list,
 * its `type`). For your own contract
 * tests, and what `validateResponses()` of `@signalwire-voice/client/validation` runs on each answer.
 *
 * @example
 * ```ts
 * const violation = checkResponse("GET /logs", 200, await response.json());
 * if (violation) console.error(violation.pointer, violation.expected);
 * ```
 */
export function checkResponse(operation: string, status: number, body: unknown): Violation | undefined {
  const validate = VALIDATORS[operation]?.[status];
  if (typeof validate !== "function" || validate(body)) return undefined;
  return violationOf(validate.errors ?? [], body);
}

/**
 * Whether the spec describes a JSON body for this operation and status.
 *
 * @example describesResponse("GET /logs", 200) // true; describesResponse("GET /logs", 503) // false
 */
export function describesResponse(operation: string, status: number): boolean {
  return typeof VALIDATORS[operation]?.[status] === "function";
}

/**
 * The operationId of an operation, if the spec has the operation.
 *
 * @example operationIdOf("GET /logs") // "list_voice_logs"
 */
export function operationIdOf(operation: string): string | undefined {
  return VALIDATORS[operation]?.operationId;
}

/**
 * The violation to report of Ajv's errors, a missing property's pointer ending at the property.
 * A value that fails a union (a log of none of the kinds) has an error from each member tried.
 * Members of another kind fail on the property that tells kinds apart (the generated code checks
 * it first): those errors are set aside when the value's kind is one the spec knows, and make
 * the report when it is not (with every kind the spec lists). Of the rest, the deepest says most,
 * and at the same depth a wrong value (a bad `format`, a wrong `type`) more than a value outside
 * an enum, which says more than a missing property.
 */
function violationOf(errors: readonly AjvError[], body: unknown): Violation {
  let chosen: AjvError | undefined;
  let unknownKind: [pointer: string, values: readonly unknown[]] | undefined;
  for (const error of errors) {
    const kind = kindOf(error, body);
    if (kind === "other kind") continue;
    if (kind) unknownKind = kind;
    else if (!chosen || weight(error) > weight(chosen)) chosen = error;
  }
  if (unknownKind || !chosen) {
    const [pointer, values] = unknownKind ?? ["", []];
    if (unknownKind || errors.length === 0)
      return withValue(
        body,
        pointer,
        "enum",
        `must be one of the kinds the spec lists: ${values.map((value) => JSON.stringify(value)).join(", ")}`,
      );
    chosen = errors[0];
  }
  const { instancePath, keyword, params } = chosen as AjvError;
  if (keyword === "required")
    return withValue(
      body,
      `${instancePath}/${escapeKey(`${params.missingProperty}`)}`,
      keyword,
      "must be present (a required property)",
    );
  // A union of values (a status, or `null`) fails once per member, at the same place: say all.
  const here = errors.filter(
    (error) =>
      error.instancePath === instancePath && error.keyword !== "required" && !/Of$/.test(error.keyword),
  );
  return withValue(body, instancePath, keyword, [...new Set(here.map(expectation))].join(", or "));
}

/** What an error says was expected, an enum's values listed. */
const expectation = ({ keyword, params, message = keyword }: AjvError) =>
  Array.isArray(params.allowedValues)
    ? `${message}: ${params.allowedValues.map((value) => JSON.stringify(value)).join(", ")}`
    : message;

/**
 * Whether an error is a union member's "not my kind": an enum or const on a property that tells
 * the union's kinds apart, or that property missing. `"other kind"` when the value's kind is one
 * the spec lists (another member fits it better); the pointer and every listed kind when not.
 */
function kindOf(error: AjvError, body: unknown): "other kind" | [string, readonly unknown[]] | undefined {
  const { keyword, instancePath, params } = error;
  if (keyword === "required") return `${params.missingProperty}` in DISCRIMINATORS ? "other kind" : undefined;
  if (keyword !== "enum" && keyword !== "const") return undefined;
  const name = instancePath.slice(instancePath.lastIndexOf("/") + 1);
  const values = DISCRIMINATORS[name];
  if (!values) return undefined;
  return values.includes(lookup(body, instancePath)[0]) ? "other kind" : [instancePath, values];
}

/** Depth first, then how much the keyword says (in tenths): see violationOf. */
const weight = ({ instancePath, keyword }: AjvError) =>
  instancePath.split("/").length +
  (keyword === "required" ? 1.1 : /^(enum|const)$/.test(keyword) ? 0.2 : /Of$/.test(keyword) ? 0 : 0.3);

const escapeKey = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** A violation at `pointer`, with what is there and the log it belongs to. */
function withValue(body: unknown, pointer: string, keyword: string, expected: string): Violation {
  const [value, logId] = lookup(body, pointer);
  return { pointer, expected, keyword, received: value === undefined ? undefined : preview(value), logId };
}

/**
 * At most 60 characters that show a value: JSON for a string, number, boolean or null; the size
 * of a list or an object (whose depth and length are the server's to choose) otherwise.
 */
function preview(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 60)).slice(0, 60);
  if (typeof value !== "object" || value === null) return `${JSON.stringify(value) ?? value}`.slice(0, 60);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  const keys = Object.keys(value);
  return `an object {${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", …" : ""}}`.slice(0, 60);
}

/** The value at `pointer` in `body`, and the id of the nearest object on the way that has one. */
function lookup(body: unknown, pointer: string): [value: unknown, logId: string | undefined] {
  let value = body;
  let logId: string | undefined;
  for (const key of pointer.split("/").slice(1)) {
    if (typeof value !== "object" || value === null) return [undefined, logId];
    const { id, log_id } = value as { id?: unknown; log_id?: unknown };
    const found = typeof id === "string" ? id : typeof log_id === "string" ? log_id : undefined;
    if (found !== undefined) logId = found.slice(0, 64);
    value = (value as Record<string, unknown>)[key.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  const own = (value as { id?: unknown } | null | undefined)?.id;
  return [value, typeof own === "string" ? own.slice(0, 64) : logId];
}
