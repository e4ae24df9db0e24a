// @ts-check
// What the workflow tests share: the validators, and a table runner that checks each broken
// copy of a fixture workflow gets the finding it should (no tests of its own).
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { formatFinding, loadValidators, validateWorkflows } from "../workflow-lint/validate.mjs";

/** Any full commit SHA: the fixtures pin every action by one. */
export const SHA = "0123456789abcdef0123456789abcdef01234567";
/** A GitHub expression, written so it never looks like a JS template placeholder. @param {string} inner */
export const expr = (inner) => `\${{ ${inner} }}`;

/** @type {Awaited<ReturnType<typeof loadValidators>>} */
let loaded;
before(async () => {
  loaded = await loadValidators({ log: () => {} });
});
/** The validators, once `before` has loaded them. */
export const validators = () => loaded;

/**
 * `text` with `from` replaced by `to`; fails the test if `from` is not there, so a mutation
 * never silently stops applying when a fixture is edited.
 * @param {string} text @param {string | RegExp} from @param {string} to
 */
export function replace(text, from, to) {
  const next = text.replace(from, to);
  assert.notEqual(next, text, `mutation did not apply: ${from}`);
  return next;
}

/** @typedef {[name: string, file: string, mutate: (text: string) => string, rule: string | null]} Mutation */

/**
 * One test per fixture (it must pass every check) and per mutation: the changed copy of
 * `file` must get a finding of `rule`, or none at all when `rule` is null.
 * @param {string} title @param {Map<string, string>} fixtures @param {Mutation[]} mutations
 */
export function describeMutations(title, fixtures, mutations) {
  /** @param {string} file @param {string} text */
  const check = (file, text) => validateWorkflows([{ file, text }], loaded);
  describe(title, () => {
    for (const [file, text] of fixtures) {
      test(`the fixture ${file} passes`, async () =>
        assert.deepEqual((await check(file, text)).map(formatFinding), []));
    }
    for (const [name, file, mutate, rule] of mutations) {
      test(`${name} (${file}) → ${rule ?? "no finding"}`, async () => {
        const text = fixtures.get(file);
        assert.ok(text, `${file} is a fixture`);
        const findings = await check(file, mutate(text));
        if (rule === null) assert.deepEqual(findings.map(formatFinding), []);
        else
          assert.ok(
            findings.some((finding) => finding.rule === rule),
            `expected a ${rule} finding, got:\n${findings.map(formatFinding).join("\n") || "(none)"}`,
          );
      });
    }
  });
}
