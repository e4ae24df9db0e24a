/** Replaces every trace of a client's credentials in `text` with `[redacted]`. */
export type Redact = (text: string) => string;

/** The shortest run of a secret's characters that counts as a trace of it. */
const RUN = 8;

// One character as JSON (`\"`, `\/`, `\u0022`) or a URL (`%22`) may write it, or as itself.
const UNIT = /\\u00([\da-f]{2})|%([\da-f]{2})|\\([\s\S])|[\s\S]/giy;

/**
 * A redaction for `secrets` (the token and the Basic credentials): any run of 8 or more of a
 * secret's characters, in a row as in the secret, is replaced, however it is written: as is, or
 * with characters escaped the way JSON or a URL escapes them. So a secret echoed whole, cut short
 * (a parser quoting the first characters of a body), JSON-escaped in an error body or
 * percent-encoded in a link is never handed back. Case is ignored (hex escapes come in either
 * case): a case variant is redacted too, which is too much rather than too little.
 *
 * Two passes make it fast enough to run on every cursor: a regular expression finds runs of
 * characters that could belong to a secret (most text has none of 8 or more), and only those
 * runs are decoded and looked up, 8 characters at a time, in a set of the secrets' 8-grams.
 *
 * @example createRedactor(["test-token"])('{"error":"bad token test-token"}') // '{"error":"bad token [redacted]"}'
 */
export function createRedactor(secrets: readonly string[]): Redact {
  const grams = new Set<string>();
  for (const secret of secrets) {
    const lower = secret.toLowerCase();
    for (let at = 0; at + RUN <= lower.length; at++) grams.add(lower.slice(at, at + RUN));
  }
  const chars = [...new Set(secrets.join(""))].map(
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  const candidates = new RegExp(
    `(?:\\\\u00[\\da-f]{2}|%[\\da-f]{2}|\\\\?[${chars.join("")}]){${RUN},}`,
    "gi",
  );
  return (text) => {
    const spans: [number, number][] = [];
    for (const match of text.matchAll(candidates)) {
      // Decoded, and as is: a secret may hold a `%` or a backslash of its own.
      findSpans(match[0], match.index, grams, true, spans);
      findSpans(match[0], match.index, grams, false, spans);
    }
    if (!spans.length) return text;
    // Overlapping and touching runs become one redaction.
    spans.sort((a, b) => a[0] - b[0]);
    const [first, firstEnd] = spans[0] as [number, number];
    let safe = text.slice(0, first);
    let end = firstEnd;
    for (const [from, to] of spans) {
      if (from > end) safe += `[redacted]${text.slice(end, from)}`;
      end = Math.max(end, to);
    }
    return `${safe}[redacted]${text.slice(end)}`;
  };
}

/** Adds to `spans` where, in `run` (at `offset` in the text), 8 characters in a row are a secret's. */
function findSpans(
  run: string,
  offset: number,
  grams: Set<string>,
  decode: boolean,
  spans: [number, number][],
) {
  const starts: number[] = [];
  let chars = "";
  if (decode) {
    UNIT.lastIndex = 0;
    for (let unit = UNIT.exec(run); unit; unit = UNIT.exec(run)) {
      const hex = unit[1] ?? unit[2];
      starts.push(unit.index);
      chars += hex ? String.fromCharCode(Number.parseInt(hex, 16)) : (unit[3] ?? unit[0]);
    }
  } else {
    for (let at = 0; at < run.length; at++) starts.push(at);
    chars = run;
  }
  starts.push(run.length);
  chars = chars.toLowerCase();
  for (let at = 0; at + RUN <= chars.length; at++) {
    if (grams.has(chars.slice(at, at + RUN))) {
      spans.push([offset + (starts[at] as number), offset + (starts[at + RUN] as number)]);
    }
  }
}

/**
 * The innermost cause of `error` (`fetch failed` → `connect ECONNREFUSED …`), copied as a plain
 * Error (name, message, `code`) with every secret redacted. Errors from a fetch implementation
 * may carry anything, the request included; the copy carries only text.
 */
export function safeCause(error: unknown, redact: Redact): Error & { code?: string } {
  let root = error as Error & { code?: string };
  while (root?.cause instanceof Error) root = root.cause as typeof root;
  return Object.assign(
    new Error(redact(`${root?.message ?? root}`)),
    { name: redact(`${root?.name ?? "Error"}`) },
    typeof root?.code === "string" && { code: redact(root.code) },
  );
}
