// @ts-check
// Reading a parsed workflow the way the policy rules need it: its jobs, steps, triggers and
// permissions, what a step runs, and the line a finding points at.

/**
 * @typedef {object} Workflow
 * @property {string} file name inside .github/workflows, e.g. `ci.yml`
 * @property {string} text the YAML as written (for comments and line numbers)
 * @property {Record<string, any>} data the YAML parsed
 */
/** @typedef {{ rule: string; file: string; line?: number | undefined; message: string }} Finding */
/** @typedef {{ id: string; why: string; check: (workflow: Workflow) => Omit<Finding, "rule" | "file">[] }} Rule */

/** @param {unknown} value @returns {Record<string, any>} */
export const asMap = (value) =>
  value && typeof value === "object" && !Array.isArray(value)
    ? /** @type {Record<string, any>} */ (value)
    : {};
/** @param {Workflow} workflow @returns {[string, Record<string, any>][]} */
export const jobs = (workflow) =>
  Object.entries(asMap(workflow.data.jobs)).map(([id, job]) => [id, asMap(job)]);
/** @param {Record<string, any>} job @returns {Record<string, any>[]} */
export const steps = (job) => (Array.isArray(job.steps) ? job.steps.map(asMap) : []);
/** @param {unknown} uses */
export const actionOf = (uses) => (typeof uses === "string" ? uses.split("@")[0] : "");
/** The shell script of a step ("" for an action). @param {Record<string, any>} step */
export const runOf = (step) => String(step.run ?? "");
/** A step's name for a message. @param {Record<string, any>} step */
export const stepName = (step) => String(step.name ?? step.uses ?? step.run ?? "run").split("\n")[0];
/** The ids a job `needs`. @param {Record<string, any>} job @returns {string[]} */
export const needsOf = (job) =>
  Array.isArray(job.needs) ? job.needs.map(String) : job.needs ? [String(job.needs)] : [];
/** @param {Workflow} workflow */
export const triggers = (workflow) => {
  const on = workflow.data.on;
  if (typeof on === "string") return [on];
  return Array.isArray(on) ? on.map(String) : Object.keys(asMap(on));
};

/**
 * The 1-based line of the first line of `text` matching `pattern` at or after `from`.
 * @param {Workflow} workflow @param {RegExp} pattern @param {number} [from]
 */
export function lineOf(workflow, pattern, from = 1) {
  const lines = workflow.text.split("\n");
  for (let index = from - 1; index < lines.length; index += 1) {
    if (pattern.test(lines[index] ?? "")) return index + 1;
  }
  return undefined;
}
/**
 * The line of `snippet` (its first non-empty line, trimmed) in the workflow's text.
 * @param {Workflow} workflow @param {string} snippet
 */
export function lineOfText(workflow, snippet) {
  const first = snippet
    .split("\n")
    .find((line) => line.trim() !== "")
    ?.trim();
  if (!first) return undefined;
  const index = workflow.text.split("\n").findIndex((line) => line.includes(first));
  return index === -1 ? undefined : index + 1;
}
/** @param {Workflow} workflow @param {string} jobId */
export const jobLine = (workflow, jobId) =>
  lineOf(workflow, new RegExp(`^  ${jobId.replace(/[-.]/g, "\\$&")}:`));

/** @param {unknown} permissions @returns {string[]} the scopes it grants write to */
export function writeScopes(permissions) {
  if (permissions === "write-all") return ["*"];
  return Object.entries(asMap(permissions))
    .filter(([, level]) => level === "write")
    .map(([scope]) => scope);
}

/**
 * A GitHub `paths` glob as a RegExp: `**` any run of characters, `*` and `?` within one path
 * segment.
 * @param {string} glob
 */
export function globRegExp(glob) {
  let source = "";
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index] ?? "";
    if (char === "*" && glob[index + 1] === "*") {
      index += 1;
      if (glob[index + 1] === "/") {
        index += 1;
        source += "(?:.*/)?";
      } else source += ".*";
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether a change to `file` starts a workflow filtered by `paths` / `paths-ignore`, as GitHub
 * reads them: the last pattern that matches decides (`!` excludes).
 *
 * @example
 * pathTriggers({ paths: ["spec/**", "!spec/test/**"] }, "spec/voice.yaml") // → true
 *
 * @param {Record<string, any>} filter the event's settings, e.g. `on.pull_request`
 * @param {string} file
 */
export function pathTriggers(filter, file) {
  const ignore = Array.isArray(filter["paths-ignore"]) ? filter["paths-ignore"].map(String) : [];
  if (ignore.some((pattern) => globRegExp(pattern).test(file))) return false;
  if (!Array.isArray(filter.paths)) return true;
  let matched = false;
  for (const pattern of filter.paths.map(String)) {
    const exclude = pattern.startsWith("!");
    if (globRegExp(exclude ? pattern.slice(1) : pattern).test(file)) matched = !exclude;
  }
  return matched;
}
