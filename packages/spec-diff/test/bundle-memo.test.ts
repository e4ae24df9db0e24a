import { describe, expect, it } from "vitest";
import { bundleKey, memoizedBundle } from "../src/internal/bundle-memo.js";
import type { SpecSource } from "../src/internal/spec-source.js";

const overlay = (text: string, path = "spec/overlays/sdk.yaml"): SpecSource => ({ label: path, path, text });
const sdk = overlay("overlay: 1.0.0\nactions: []\n");

describe("bundleKey: the same texts, the same bundle", () => {
  const key = bundleKey("openapi: 3.1.0\n", [sdk], false);
  it.each<[string, string | undefined, "same" | "other" | "none"]>([
    // given → want, against `key`
    [
      "the same texts from other paths",
      bundleKey("openapi: 3.1.0\n", [overlay(sdk.text, "b.yaml")], false),
      "same",
    ],
    ["another spec text", bundleKey("openapi: 3.0.3\n", [sdk], false), "other"],
    ["another overlay text", bundleKey("openapi: 3.1.0\n", [overlay("overlay: 1.1.0\n")], false), "other"],
    ["no overlay", bundleKey("openapi: 3.1.0\n", [], false), "other"],
    [
      "a spec with an external $ref (reads a file the key misses)",
      bundleKey("openapi: 3.1.0\n", [sdk], true),
      "none",
    ],
    ["an overlay with a $ref", bundleKey("openapi: 3.1.0\n", [overlay("$ref: ./x.yaml\n")], false), "none"],
  ])("%s", (_name, given, want) => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    if (want === "none") expect(given).toBeUndefined();
    else if (want === "same") expect(given).toBe(key);
    else expect(given).not.toBe(key);
  });
});

describe("memoizedBundle", () => {
  /** A bundler that counts its runs and answers `results` in turn. */
  const bundler = (...results: Array<string | undefined | Error>) => {
    const bundle = async () => {
      const result = results[bundle.runs++];
      if (result instanceof Error) throw result;
      return result;
    };
    bundle.runs = 0;
    return bundle;
  };

  it("runs one bundle for calls with the same key, even while it is still running", async () => {
    const bundle = bundler("bundled");
    const texts = await Promise.all([memoizedBundle("k1", bundle), memoizedBundle("k1", bundle)]);
    expect(await memoizedBundle("k1", bundle)).toBe("bundled");
    expect([texts, bundle.runs]).toEqual([["bundled", "bundled"], 1]);
  });

  it("bundles every time without a key", async () => {
    const bundle = bundler("a", "b");
    expect([await memoizedBundle(undefined, bundle), await memoizedBundle(undefined, bundle)]).toEqual([
      "a",
      "b",
    ]);
  });

  it("forgets a failed bundle, so the next call shows redocly's reason again", async () => {
    const bundle = bundler(undefined, new Error("spawn ENOENT"), "bundled");
    expect(await memoizedBundle("k2", bundle)).toBeUndefined();
    await expect(memoizedBundle("k2", bundle)).rejects.toThrow("spawn ENOENT");
    expect(await memoizedBundle("k2", bundle)).toBe("bundled");
    expect(bundle.runs).toBe(3);
  });
});
