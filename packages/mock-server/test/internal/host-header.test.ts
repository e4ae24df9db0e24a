import { describe, expect, it } from "vitest";
import { originFromHost } from "../../src/internal/host-header.js";

describe("originFromHost", () => {
  it.each<[string[], string | undefined]>([
    [["Host", "voice.example:8080"], "http://voice.example:8080"],
    [["host", "VOICE.example"], "http://voice.example"],
    [["Host", "127.0.0.1:80"], "http://127.0.0.1"],
    [["Host", "[::1]:4010"], "http://[::1]:4010"],
    [["Host", "a:"], "http://a"],
    [["Host", "%41"], "http://a"],
    [["Accept", "x", "Host", "a"], "http://a"],
    [[], undefined],
    [["Host", ""], undefined],
    [["Host", "a", "HOST", "a"], undefined],
    [["Host", "a:b@127.0.0.1"], undefined],
    [["Host", "@127.0.0.1"], undefined],
    [["Host", "a/b"], undefined],
    [["Host", "a?b"], undefined],
    [["Host", "a#b"], undefined],
    [["Host", "a\\b"], undefined],
    [["Host", "a b"], undefined],
    [["Host", "\xe9.test"], undefined],
    [["Host", "a%00b"], undefined],
    [["Host", "a:99999"], undefined],
    [["Host", "a:-1"], undefined],
    [["Host", ":80"], undefined],
    [["Host", "[zz]"], undefined],
    [["Host", "[::1"], undefined],
  ])("%j → %s", (rawHeaders, want) => {
    expect(originFromHost(rawHeaders)).toBe(want);
  });
});
