/**
 * How one value of a voice log becomes the text of a CSV cell. The quoting around it (RFC 4180)
 * is csv-stringify's; these rules decide only what the text is.
 */

/** A cell's kind, as the spec says of its property (see `src/generated/log-columns.ts`). */
export type CellKind = "scalar" | "json";

/**
 * The text of a value's cell, before formula neutralization: null and absent are an empty
 * cell, lists and objects compact JSON, numbers and booleans as JSON writes them, strings as
 * they are. A `json` column writes every value as JSON, so a reader can `JSON.parse` the cell;
 * a `scalar` column that gets a list or an object from a server beyond the spec writes it as
 * JSON too, rather than losing it.
 *
 * @example
 * cellText(null, "scalar")                          // ""
 * cellText(0.01, "scalar")                          // "0.01"
 * cellText([{ description: "TTS", charge: 1 }], "json") // '[{"description":"TTS","charge":1}]'
 */
export function cellText(value: unknown, kind: CellKind): string {
  if (value === null || value === undefined) return "";
  if (kind === "json" || typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * First characters a spreadsheet reads as the start of a formula: `=`, `+`, `-`, `@`, tab and CR
 * (OWASP's CSV injection list), and their full-width forms, which Apple Numbers normalizes.
 * `'` is here so that the mark stays reversible: see {@link neutralizeFormula}.
 */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "'"]);
/** A plain number, as a phone number (`+12065551212`) or a charge (`-0.5`) is: no formula in it. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The cell's text made safe to open in a spreadsheet: a cell that would run as a formula gets a
 * leading `'`, which spreadsheets read as "text follows" (OWASP's CSV injection advice). A plain
 * number keeps its sign untouched. A cell that begins with `'` gets one more, so the rule for a
 * reader is exact: a cell that begins with `'` had one added; drop it.
 *
 * @example
 * neutralizeFormula("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * neutralizeFormula("+12065551212")             // "+12065551212"
 * neutralizeFormula("-0.5")                     // "-0.5"
 * neutralizeFormula("'quoted")                  // "''quoted"
 */
export function neutralizeFormula(text: string): string {
  const first = text.charAt(0);
  // Most cells begin with a letter or a digit: one Set lookup is all they cost.
  if (!FORMULA_START.has(first)) return text;
  // A sign followed by a number is that number; followed by anything else it starts a formula.
  if ((first === "+" || first === "-") && PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
