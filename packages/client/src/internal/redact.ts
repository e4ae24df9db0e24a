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
 * Linear in the text, with no regular expression over it (a backtracking one overflows V8's stack
 * on megabytes): one pass finds runs of characters that could spell a secret (secrets are
 * printable ASCII, options.ts checks, so a 128-entry table says which), and only runs of 8 or
 * more are decoded and looked up, 8 characters at a time, in a set of the secrets' 8-grams.
 * Measured: 16 MB of such runs (an 8 MB hostile error body, twice) in about 0.7 s; most text
 * has few.
 *
 * @example createRedactor(["test-token"])('{"error":"bad token test-token"}') // '{"error":"bad token [redacted]"}'
 */
export function createRedactor(secrets: readonly string[]): Redact {
  const grams = new Set<string>();
  // The characters a run may hold: the secrets' (either case), and those of escapes.
  const allowed = new Uint8Array(128);
  for (const char of `${secrets.join("")}%\\u0123456789abcdef`) {
    for (const form of [char.toLowerCase(), char.toUpperCase()]) {
      const code = form.charCodeAt(0);
      if (code < 128) allowed[code] = 1;
    }
  }
  for (const secret of secrets) {
    const lower = secret.toLowerCase();
    for (let at = 0; at + RUN <= lower.length; at++) grams.add(lower.slice(at, at + RUN));
  }
  return (text) => {
    if (!grams.size) return text;
    const spans: [number, number][] = [];
    let start = 0;
    for (let at = 0; at <= text.length; at++) {
      const code = at < text.length ? text.charCodeAt(at) : 0;
      if (code < 128 && allowed[code]) continue;
      if (at - start >= RUN) {
        const run = text.slice(start, at);
        // Decoded, and as is: a secret may hold a `%` or a backslash of its own.
        if (run.includes("%") || run.includes("\\")) findSpans(run, start, grams, true, spans);
        findSpans(run, start, grams, false, spans);
      }
      start = at + 1;
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
  let chars = run;
  if (decode) {
    chars = "";
    UNIT.lastIndex = 0;
    for (let unit = UNIT.exec(run); unit; unit = UNIT.exec(run)) {
      const hex = unit[1] ?? unit[2];
      starts.push(unit.index);
      chars += hex ? String.fromCharCode(Number.parseInt(hex, 16)) : (unit[3] ?? unit[0]);
    }
    starts.push(run.length);
  }
  chars = chars.toLowerCase();
  for (let at = 0; at + RUN <= chars.length; at++) {
    if (grams.has(chars.slice(at, at + RUN))) {
      spans.push(
        decode
          ? [offset + (starts[at] as number), offset + (starts[at + RUN] as number)]
          : [offset + at, offset + at + RUN],
      );
    }
  }
}

/**
 * `value` (parsed JSON) with every string in it, keys included, passed through `redact`, and
 * whether anything changed. Walked with a stack, not recursion: JSON may nest deeper than the
 * call stack goes.
 *
 * @example redactJson({ echo: "test-token" }, createRedactor(["test-token"])) // [{ echo: "[redacted]" }, true]
 */
export function redactJson(value: unknown, redact: Redact): [unknown, boolean] {
  let changed = false;
  const text = (string: string) => {
    const safe = redact(string);
    changed ||= safe !== string;
    return safe;
  };
  const copy = (node: unknown): unknown =>
    typeof node === "string"
      ? text(node)
      : Array.isArray(node)
        ? [...node]
        : node && typeof node === "object"
          ? { ...node }
          : node;
  const root = { value: copy(value) };
  const stack: unknown[] = [root.value];
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        node[index] = copy(node[index]);
        if (node[index] && typeof node[index] === "object") stack.push(node[index]);
      }
    } else if (node && typeof node === "object") {
      for (const key of Object.keys(node)) {
        const item = copy(node[key]);
        const safeKey = text(key);
        if (safeKey !== key) delete node[key];
        node[safeKey] = item;
        if (item && typeof item === "object") stack.push(item);
      }
    }
  }
  return [root.value, changed];
}

/** A readable property of something thrown, or `undefined` where reading it throws (a getter, a Proxy). */
function read(source: unknown, key: string): unknown {
  try {
    return (source as Record<string, unknown> | null | undefined)?.[key];
  } catch {
    return undefined;
  }
}

/** `String(value)`, or a placeholder where that throws (a `toString` that throws). */
function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "(unreadable)";
  }
}

/**
 * The innermost cause of `error` (`fetch failed` → `connect ECONNREFUSED …`), copied as a plain
 * Error (name, message, `code`) with every secret redacted. Errors from a fetch implementation
 * may carry anything, the request included, and may be built to trip whoever reads them
 * (getters that throw, a cause that points to itself): the copy carries only text, read safely,
 * at most 10 causes down. An `AggregateError` without a message (Node's for every address of a
 * host it tried) is named by its first error.
 */
export function safeCause(error: unknown, redact: Redact): Error & { code?: string } {
  let root = error;
  for (let depth = 0; depth < 10; depth++) {
    const cause = read(root, "cause");
    if (!(cause instanceof Error) || cause === root) break;
    root = cause;
  }
  const errors = read(root, "errors");
  const message = read(root, "message");
  const first = Array.isArray(errors) ? read(errors, "0") : undefined;
  const code = read(root, "code") ?? read(first, "code");
  const shown = message ? text(message) : first ? text(read(first, "message")) : text(root);
  return Object.assign(
    new Error(redact(shown.slice(0, 500))),
    { name: redact(text(read(root, "name") ?? "Error").slice(0, 100)) },
    typeof code === "string" && { code: redact(code.slice(0, 100)) },
  );
}
