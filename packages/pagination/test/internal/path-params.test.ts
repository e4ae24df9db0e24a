import { InputError } from "@signalwire-voice/client";
import { describe, expect, it } from "vitest";
import { fillPath, readPath } from "../../src/internal/path-params.js";

const TEMPLATE = "/api/fabric/resources/{id}/addresses";
const keep = (text: string) => text;
const redact = (text: string) => text.replaceAll("s3cr3t-token", "[redacted]");

describe("fillPath: each parameter within its own segment, as openapi-fetch's default serializer sends it", () => {
  it.each<[unknown, string]>([
    // [value, the path]
    ["abc", "/api/fabric/resources/abc/addresses"],
    [42, "/api/fabric/resources/42/addresses"],
    ["../x", "/api/fabric/resources/..%2Fx/addresses"],
    ["a/b", "/api/fabric/resources/a%2Fb/addresses"],
    ["?q", "/api/fabric/resources/%3Fq/addresses"],
    ["#x", "/api/fabric/resources/%23x/addresses"],
    ["%2F", "/api/fabric/resources/%252F/addresses"],
    ["a\\b", "/api/fabric/resources/a%5Cb/addresses"],
    ["...", "/api/fabric/resources/.../addresses"],
    ["{id}", "/api/fabric/resources/%7Bid%7D/addresses"],
    [" x\n", "/api/fabric/resources/%20x%0A/addresses"],
  ])("%j → %s", (id, path) => {
    expect(fillPath(TEMPLATE, { id }, keep)).toBe(path);
    // What a URL parser makes of it is the same path: no segment added, dropped or climbed out of.
    expect(new URL(path, "https://example.signalwire.com").pathname).toBe(path);
  });

  it("a path without parameters is itself, whatever is given", () => {
    expect(fillPath("/api/projects", undefined, keep)).toBe("/api/projects");
    expect(fillPath("/api/projects", { id: "x" }, keep)).toBe("/api/projects");
  });

  it("several parameters, each from its own name", () => {
    expect(fillPath("/a/{x}/b/{y}", { y: "2/", x: "1" }, keep)).toBe("/a/1/b/2%2F");
  });

  it.each<[string, Record<string, unknown> | undefined, string]>([
    // [what, params, shown as]
    ["no params", undefined, "undefined"],
    ["missing", {}, "undefined"],
    ["null", { id: null }, "null"],
    ["an object", { id: { id: "x" } }, "[object Object]"],
    ["a list", { id: ["a", "b"] }, "a,b"],
    ["a boolean", { id: true }, "true"],
    ["empty: a segment the URL keeps empty", { id: "" }, '""'],
    ["., which a URL drops", { id: "." }, '"."'],
    [".., which a URL climbs out of", { id: ".." }, '".."'],
    ["the client's credentials", { id: "s3cr3t-token" }, '"[redacted]"'],
    ["the client's credentials within", { id: "a-s3cr3t-token-b" }, '"a-[redacted]-b"'],
    ["Object.prototype's", { id: undefined, toString: "x" }, "undefined"],
  ])("%s: InputError, naming the parameter", (_, params, shown) => {
    let error: unknown;
    try {
      fillPath(TEMPLATE, params, redact);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: "path.id" });
    expect(redact((error as Error).message)).toBe(
      `paginate: path.id must be a string or number other than "", "." and "..", and no credential; got ${shown}.`,
    );
  });

  it("a name of Object.prototype's is not read from it", () => {
    expect(() => fillPath("/things/{toString}", {}, keep)).toThrow(InputError);
  });
});

describe("readPath: the path and parameters a cursor names, or undefined", () => {
  it.each(["abc", "../x", "a/b", "?q", "%2F", "#x", "café", "{id}", " x\n", 42])("round-trips %j", (id) => {
    const path = fillPath(TEMPLATE, { id }, keep);
    expect(readPath(TEMPLATE, `${path}?page_token=PA1`, keep)).toEqual([path, { id: String(id) }]);
  });

  it("a template's own characters are matched as themselves, not as a pattern", () => {
    expect(readPath("/v1.0/{id}/(x)+", "/v1.0/a/(x)+?p=1", keep)).toEqual(["/v1.0/a/(x)+", { id: "a" }]);
    // A template that ends in a parameter, and a query with a `?` of its own: the segment ends at the first `?`.
    expect(readPath("/groups/{id}", "/groups/g1?page_token=a?b", keep)).toEqual(["/groups/g1", { id: "g1" }]);
    expect(readPath("/v1.0/{id}/(x)+", "/v1x0/a/(x)+?p=1", keep)).toBeUndefined();
    expect(readPath("/v1.0/{id}/(x)+", "/v1.0/a/xx?p=1", keep)).toBeUndefined();
  });

  it("a parameter that is part of a segment, and two in one", () => {
    expect(readPath("/files/{name}.json", "/files/a.b.json?p=1", keep)).toEqual([
      "/files/a.b.json",
      { name: "a.b" },
    ]);
    expect(fillPath("/v/{a}-{b}", { a: "x-y", b: "z" }, keep)).toBe("/v/x-y-z");
    // Two ways to split "x-y-z": the first reads back the path, which is all a cursor must do.
    expect(readPath("/v/{a}-{b}", "/v/x-y-z?p=1", keep)?.[0]).toBe("/v/x-y-z");
  });

  it("a path without parameters: the cursor's path is the template, then the query", () => {
    expect(readPath("/api/projects", "/api/projects?page_token=PA1", keep)).toEqual(["/api/projects", {}]);
    expect(readPath("/api/projects", "/api/projects", keep)).toBeUndefined();
    expect(readPath("/api/projects", "/api/projectsx?a=1", keep)).toBeUndefined();
  });
});

describe("a bounded fuzz: no value fillPath takes changes the path, and every one reads back", () => {
  // Seeded (mulberry32), so a failure names a value that fails again.
  const random = (() => {
    let seed = 0x5eed;
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  })();
  // What a hostile id is made of: separators, dots, escapes, braces, spaces and controls, non-ASCII.
  const pieces = [
    "/",
    ".",
    "..",
    "%",
    "%2F",
    "%2e",
    "?",
    "#",
    "&",
    "=",
    "\\",
    "{id}",
    " ",
    "\n",
    "\t",
    "a",
    "Z",
    "9",
    "é",
    "😀",
    "+",
    ";",
    ",",
  ];
  const value = () =>
    Array.from(
      { length: 1 + Math.floor(random() * 6) },
      () => pieces[Math.floor(random() * pieces.length)],
    ).join("");

  it("2000 values", () => {
    const template = "/api/things/{id}/parts/{part}";
    for (let round = 0; round < 2000; round++) {
      const params = { id: value(), part: value() };
      let path: string;
      try {
        path = fillPath(template, params, keep);
      } catch (error) {
        // Refused only for what would move the path: "", "." or "..".
        expect(error).toBeInstanceOf(InputError);
        expect([params.id, params.part].some((text) => /^\.{0,2}$/.test(text))).toBe(true);
        continue;
      }
      const parsed = new URL(`${path}?page_token=1`, "https://example.signalwire.com");
      expect(parsed.pathname, JSON.stringify(params)).toBe(path);
      expect(path.split("/").slice(0, 3)).toEqual(["", "api", "things"]);
      expect(path.split("/")[4]).toBe("parts");
      expect(path.split("/")).toHaveLength(6);
      expect(readPath(template, `${path}?page_token=1`, keep)).toEqual([path, params]);
    }
  });
});
