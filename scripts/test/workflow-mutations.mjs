// @ts-check
// What the workflow tests share: the real workflows, the validators, and a table runner that
// checks each broken copy of a workflow gets the finding it should (no tests of its own).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { formatFinding, loadValidators, validateWorkflows } from "../workflow-lint/validate.mjs";

const dir = join(repoRoot, ".github/workflows");
/** Every workflow file name → its text. */
export const real = new Map(readdirSync(dir).map((file) => [file, readFileSync(join(dir, file), "utf8")]));

/** @type {Awaited<ReturnType<typeof loadValidators>>} */
let loaded;
before(async () => {
  loaded = await loadValidators({ log: () => {} });
});
/** The validators, once `before` has loaded them. */
export const validators = () => loaded;

/**
 * `text` with `from` replaced by `to`; fails the test if `from` is not there, so a mutation
 * never silently stops applying when a workflow is edited.
 * @param {string} text @param {string | RegExp} from @param {string} to
 */
export function replace(text, from, to) {
  const next = text.replace(from, to);
  assert.notEqual(next, text, `mutation did not apply: ${from}`);
  return next;
}

/** @typedef {[name: string, file: string, mutate: (text: string) => string, rule: string]} Mutation */

/**
 * One test per mutation: the broken copy of `file` must get a finding of `rule`.
 * @param {string} title @param {Mutation[]} mutations
 */
export function describeMutations(title, mutations) {
  describe(title, () => {
    for (const [name, file, mutate, rule] of mutations) {
      test(`${name} (${file}) → ${rule}`, async () => {
        const text = real.get(file);
        assert.ok(text, `${file} exists`);
        const findings = await validateWorkflows([{ file, text: mutate(text) }], loaded);
        assert.ok(
          findings.some((finding) => finding.rule === rule),
          `expected a ${rule} finding, got:\n${findings.map(formatFinding).join("\n") || "(none)"}`,
        );
      });
    }
  });
}
