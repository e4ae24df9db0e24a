import type { Direction, Severity } from "../../report.js";
import { describeWhere } from "../describe.js";
import { splitPointer } from "../json-pointer.js";
import type { JsonObject } from "../parsed-spec.js";
import type { EngineChange, EngineVerdict } from "../redocly-diff.js";

/** A change with its verdict, before its pointer is turned into a line. */
export interface Classified {
  severity: Severity;
  kind: string;
  message: string;
  side: "head" | "base";
  pointer: string;
  directions: Direction[];
}

/** What a rule sees: one engine change (and the verdict being rated, if any), in context. */
export interface RuleInput {
  change: EngineChange;
  verdict: EngineVerdict | undefined;
  /** Request, response or both: every way an operation reaches the changed node. */
  directions: Direction[];
  /** The document the change lives in: head, or base for a removal. */
  doc: JsonObject;
  base: JsonObject;
  head: JsonObject;
}

/** A rule's answer: a rating, "drop" (not a change for users), or undefined (not mine). */
export type Verdict = Pick<Classified, "severity" | "kind" | "message"> | "drop";
export type Rule = (input: RuleInput) => Verdict | undefined;

export const inRequest = (input: RuleInput) => input.directions.includes("request");
export const inResponse = (input: RuleInput) => input.directions.includes("response");
export const where = (input: RuleInput) => describeWhere(input.doc, input.change.path);
export const lastTwo = (input: RuleInput) => splitPointer(input.change.path).slice(-2);
