// @ts-check
// What a `pnpm bench` command line measures and where it writes.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { benchOptions, sections } from "../src/options.mjs";

const where = { cwd: "/home/me/repo/packages/client", docs: "/home/me/repo/docs" };

describe("benchOptions", () => {
  /** @type {Array<[string, string[], { only: string[]; quick: boolean; keep: boolean; out: string | undefined }]>} */
  const table = [
    [
      "nothing: every section, full length, into docs/",
      [],
      { only: sections, quick: false, keep: false, out: where.docs },
    ],
    [
      "--quick: a temp folder, never docs/",
      ["--quick"],
      { only: sections, quick: true, keep: false, out: undefined },
    ],
    [
      "--only some: a temp folder",
      ["--only", "sizes,server"],
      { only: ["sizes", "server"], quick: false, keep: false, out: undefined },
    ],
    [
      "a relative --out: from where pnpm ran",
      ["--out", "../try", "--keep"],
      { only: sections, quick: false, keep: true, out: "/home/me/repo/packages/try" },
    ],
    [
      "an absolute --out as given",
      ["--out=/tmp/b", "--only=sizes"],
      { only: ["sizes"], quick: false, keep: false, out: "/tmp/b" },
    ],
    [
      "a `--` pnpm passed on first",
      ["--", "--quick", "--out", "x"],
      { only: sections, quick: true, keep: false, out: "/home/me/repo/packages/client/x" },
    ],
  ];
  for (const [name, args, want] of table) {
    test(name, () => {
      const { only, quick, keep, out } = benchOptions(args, where);
      assert.deepEqual({ only: [...only], quick, keep, out }, want);
    });
  }
  test("--quick runs fewer rounds", () => {
    const quick = benchOptions(["--quick"], where).rounds;
    const full = benchOptions([], where).rounds;
    assert.ok(quick.pipeline < full.pipeline && quick.client < full.client);
  });
  test("an unknown section is refused, naming the known ones", () =>
    assert.throws(
      () => benchOptions(["--only", "sizes,speed"], where),
      /unknown --only speed \(known: pipeline,/,
    ));
  test("an unknown option is refused", () => assert.throws(() => benchOptions(["--fast"], where), /--fast/));
});
