/**
 * Raw HTTP/1.1 requests for the fuzz test: a valid authenticated GET on one of the three paths,
 * mutated part by part (method, request-target, version, Host, other headers, framing, body) and
 * then byte by byte (any byte 0x00-0xff, deletions, truncation). Every choice comes from one
 * seeded PRNG, so a seed always gives the same requests.
 */

/** mulberry32: a small, fast, seeded PRNG; numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A request before serialization; every string holds one byte per character (latin1). */
interface RequestParts {
  method: string;
  target: string;
  version: string;
  headers: [name: string, value: string][];
  body: string;
}

const METHODS = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "DELETE",
  "OPTIONS",
  "PATCH",
  "TRACE",
  "TRACK",
  "CONNECT",
  "PROPFIND",
  "M-SEARCH",
  "PURGE",
  "QUERY",
  "SOURCE",
  "get",
  "G ET",
  "",
  "GET\x00",
  "\xff",
];
const TARGETS = [
  "/api/voice/logs",
  "/api/voice/logs?page_size=1000&include_deleted=true",
  "/api/voice/logs?page_size=0",
  "/api/voice/logs?page_size=%E0",
  "/api/voice/logs?page_number=3",
  "/api/voice/logs?page_token=PAnope",
  "/api/voice/logs?created_on=2025-12-31&created_on=x",
  "/api/voice/logs?created_after=9999-12-31T23:59:59.9999999999Z",
  "/api/voice/logs#frag",
  "/api/voice/logs/",
  "/API/VOICE/LOGS",
  "/",
  "*",
  "",
  "http://127.0.0.1/api/voice/logs",
  "https://a:b@evil.test/api/voice/logs",
  "//evil.test/api/voice/logs",
  "127.0.0.1:80",
  "/\\evil",
  "/%00",
  "/api/voice/logs?\xe9=\xff",
  `/${"a".repeat(9_000)}`,
  `/${"a".repeat(20_000)}`,
];
const QUERY_PARAMETERS = [
  "page_size=0",
  "page_size=1001",
  "page_size=abc",
  "page_size=1e3",
  "page_number=-1",
  "page_number=1",
  "page_number=99999999999999999999",
  "page_token=PA",
  "page_token=PB00000000-0000-4000-8000-000000000000",
  "include_deleted=maybe",
  "include_deleted=true",
  "created_on=2025-02-30",
  "created_before=2025-12-31T24:00:00Z",
  "created_after=2025-12-31T23:00:00%2B01:00",
  "page_size=5&page_size=6",
  "x=%zz",
  "page_size=%E0",
  "=",
  "&&",
];
const VERSIONS = [
  "HTTP/1.1",
  "HTTP/1.0",
  "HTTP/0.9",
  "HTTP/2.0",
  "HTTP/1.2",
  "http/1.1",
  "HTTP/11",
  "",
  "HTTP/1.1 x",
];
const HOSTS = [
  "a:b@127.0.0.1",
  "@127.0.0.1",
  "[::1]",
  "[::1]:8080",
  "[zz]",
  "[::1",
  "",
  ":80",
  "a:99999",
  "a:",
  "a:-1",
  "\xe9.test",
  "a b",
  "a/b",
  "a?b",
  "a#b",
  "a\\b",
  "a%00b",
  "%41",
  "xn--",
  "localhost:0",
  "a".repeat(300),
  "127.0.0.1, 127.0.0.2",
  "\t127.0.0.1",
];
const HEADER_NAMES = [
  "X-Odd",
  "Authorization",
  "Content-Length",
  "Transfer-Encoding",
  "Expect",
  "Connection",
  "Upgrade",
  "Host",
  "Cookie",
  "X\xe9",
  "",
  " X",
  "X Y",
  "X:Y",
  "X\x00",
];
const AUTHORIZATIONS = [
  "Basic",
  "Basic ",
  "Basic ====",
  "Bearer x",
  "basic dGVzdC1wcm9qZWN0OnRlc3QtdG9rZW4=",
  `Basic ${btoa("test-project:wrong")}`,
  `Basic ${btoa("test-project")}`,
  `Basic ${"A".repeat(5_000)}`,
  "Basic \xff",
];
const CONTENT_LENGTHS = ["0", "5", "-1", "abc", "1, 2", "99999999999999999999", " 3", "5\x00"];
const TRANSFER_ENCODINGS = ["chunked", "gzip, chunked", "identity", "chunked, gzip", "chunked\x01", "x"];
const BODIES = [
  "",
  "hello",
  "5\r\nhello\r\n0\r\n\r\n",
  "zz\r\n",
  "5;ext\r\nhello\r\n0\r\n\r\n",
  "0\r\n\r\nGET / HTTP/1.1\r\n\r\n",
];
const EXPECTS = ["100-continue", "something-else", ""];

/**
 * Targets on the by-id paths, `{A}` and `{B}` standing for two ids the server has: the log, its
 * events, and the ways a path can try to reach another log or break the id.
 */
const ID_TARGETS = [
  "/api/voice/logs/{A}",
  "/api/voice/logs/{A}/events",
  "/api/voice/logs/{A}/",
  "/api/voice/logs/{A}/events/",
  "/api/voice/logs/{A}/../{B}",
  "/api/voice/logs/{A}/%2e%2e/{B}",
  "/api/voice/logs/{A}%2F..%2F{B}",
  "/api/voice/logs/{A}/events/..",
  "/api/voice/logs/./{A}",
  "/api/voice/logs/{A}\\..\\{B}",
  "/api/voice/logs/{A}%00",
  "/api/voice/logs/%ZZ/events",
  "/api/voice/logs/{A}x",
  "/api/voice/logs//events",
  "/api/voice/logs/{A}?include_deleted=maybe",
  "/api/voice/logs/00000000-0000-4000-8000-000000000000",
  "/api/voice/logs/not-a-uuid/events",
  `/api/voice/logs/${"f".repeat(9_000)}`,
];

/**
 * A generator of mutated requests to `host` that start from a GET with `authorization`; `ids`
 * (two or more) are logs the server has, for the by-id paths.
 *
 * @example
 * ```ts
 * const next = requestMutator(seededRandom(1), "127.0.0.1:4010", AUTH.authorization, [a, b]);
 * const { bytes, head } = next();
 * ```
 */
export function requestMutator(
  random: () => number,
  host: string,
  authorization: string,
  ids: readonly string[],
) {
  const int = (below: number) => Math.floor(random() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const bytes = (max: number) => String.fromCharCode(...Array.from({ length: int(max + 1) }, () => int(256)));
  const token = () =>
    Array.from({ length: 1 + int(8) }, () => pick([..."ABCDEFGHIJKLMNOPQRSTUVWXYZ-!#$%&'*+.^_`|~"])).join("");

  // An id in upper case names the same log: the server must treat both alike.
  const id = () => (random() < 0.2 ? pick(ids).toUpperCase() : pick(ids));
  const idTarget = () => pick(ID_TARGETS).replace("{A}", id()).replace("{B}", id());

  const mutations: ((parts: RequestParts) => void)[] = [
    (p) => {
      p.method = pick(METHODS);
    },
    (p) => {
      p.target = idTarget();
    },
    (p) => {
      p.method = random() < 0.5 ? token() : bytes(8);
    },
    (p) => {
      p.target = pick(TARGETS);
    },
    (p) => {
      p.target += bytes(12);
    },
    (p) => {
      const parameters = Array.from({ length: 1 + int(3) }, () => pick(QUERY_PARAMETERS));
      p.target = `/api/voice/logs?${parameters.join("&")}`;
    },
    (p) => {
      p.version = pick(VERSIONS);
    },
    (p) => setHeader(p, "Host", pick(HOSTS)),
    (p) => setHeader(p, "Host", bytes(20)),
    (p) => {
      p.headers = p.headers.filter(([name]) => name !== "Host");
    },
    (p) => {
      p.headers.push(["Host", pick(HOSTS)]);
    },
    (p) => setHeader(p, "Authorization", pick(AUTHORIZATIONS)),
    (p) => {
      p.headers.push([pick(HEADER_NAMES), random() < 0.5 ? bytes(40) : pick(AUTHORIZATIONS)]);
    },
    (p) => {
      p.headers.push([bytes(10), bytes(10)]);
    },
    (p) => {
      p.headers.push(["Content-Length", pick(CONTENT_LENGTHS)]);
    },
    (p) => {
      p.headers.push(["Transfer-Encoding", pick(TRANSFER_ENCODINGS)]);
    },
    (p) => {
      p.headers.push(["Expect", pick(EXPECTS)]);
    },
    (p) => {
      p.headers.push(["Connection", pick(["upgrade", "close", "keep-alive, x"])], ["Upgrade", "websocket"]);
    },
    (p) => {
      p.body = random() < 0.5 ? pick(BODIES) : bytes(64);
    },
    (p) => {
      p.headers.push(...Array.from({ length: 200 }, (_, k): [string, string] => [`X-${k}`, "v".repeat(100)]));
    },
    (p) => {
      const header = p.headers[int(p.headers.length)];
      if (header) header[1] = insert(header[1], int(header[1].length + 1), bytes(3));
    },
  ];

  /** The next request's bytes, and whether it is a HEAD (whose answers have no body). */
  return (): { bytes: Buffer; head: boolean } => {
    const parts: RequestParts = {
      method: "GET",
      // A valid request on each of the three operations.
      target: pick([
        "/api/voice/logs?page_size=2",
        `/api/voice/logs/${id()}`,
        `/api/voice/logs/${id()}/events`,
      ]),
      version: "HTTP/1.1",
      headers: [
        ["Host", host],
        ["Authorization", authorization],
        ["Accept", "application/json"],
      ],
      body: "",
    };
    // One request in ten stays valid, so the fuzz also drives 200 pages between the attacks.
    const count = random() < 0.1 ? 0 : 1 + int(3);
    for (let k = 0; k < count; k++) pick(mutations)(parts);
    const head = parts.headers.map(([name, value]) => `${name}: ${value}\r\n`).join("");
    let text = `${parts.method} ${parts.target} ${parts.version}\r\n${head}\r\n${parts.body}`;
    if (random() < 0.2) {
      for (let k = 1 + int(3); k > 0; k--) {
        const at = int(text.length);
        text = random() < 0.5 ? insert(text, at, bytes(2)) : text.slice(0, at) + text.slice(at + 1 + int(4));
      }
    }
    if (random() < 0.1) text = text.replaceAll("\r\n", "\n");
    if (random() < 0.15) text = text.slice(0, int(text.length));
    return { bytes: Buffer.from(text, "latin1"), head: text.startsWith("HEAD ") };
  };
}

function setHeader(parts: RequestParts, name: string, value: string): void {
  const header = parts.headers.find(([existing]) => existing === name);
  if (header) header[1] = value;
  else parts.headers.push([name, value]);
}

const insert = (text: string, at: number, piece: string) => text.slice(0, at) + piece + text.slice(at);
