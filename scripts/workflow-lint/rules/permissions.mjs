// @ts-check
// Permissions: what each job's token may write, and who may mint an OIDC token.
import { asMap, jobLine, jobs, lineOf, writeScopes } from "../workflow.mjs";

/** Every write scope a job holds, and why it needs it: anything else is a finding. */
export const ALLOWED_WRITES = new Map([
  ["release.yml#version", ["contents", "pull-requests"]], // push the release branch, open the PR
  ["release.yml#publish", ["contents", "id-token"]], // push tags; OIDC for npm provenance
  ["spec-diff-comment.yml#comment", ["pull-requests"]], // the sticky comment
]);

/** The one job that may mint an OIDC token: the one that publishes. */
export const ID_TOKEN_JOB = "release.yml#publish";

/** @type {import("../workflow.mjs").Rule[]} */
export const PERMISSION_RULES = [
  {
    id: "top-level-permissions",
    why: "every job starts from a read-only token; a job that writes asks for it itself",
    check(workflow) {
      const line = lineOf(workflow, /^permissions:/);
      if (!("permissions" in workflow.data)) {
        return [
          {
            message: "Set top-level `permissions:` (`contents: read`, or `{}`): the default token can write.",
          },
        ];
      }
      const permissions = workflow.data.permissions;
      const readOnly =
        permissions !== null &&
        typeof permissions === "object" &&
        !Array.isArray(permissions) &&
        Object.values(permissions).every((level) => level === "read" || level === "none");
      return readOnly
        ? []
        : [
            {
              line,
              message: `Top-level permissions must be read-only or none (got ${JSON.stringify(permissions)}).`,
            },
          ];
    },
  },
  {
    id: "write-permissions",
    why: "least privilege: each write scope is listed, with its reason, in ALLOWED_WRITES",
    check(workflow) {
      return jobs(workflow).flatMap(([id, job]) => {
        const allowed = ALLOWED_WRITES.get(`${workflow.file}#${id}`) ?? [];
        return writeScopes(job.permissions)
          .filter((scope) => !allowed.includes(scope))
          .map((scope) => ({
            line: jobLine(workflow, id),
            message: `Job ${id} asks for ${scope === "*" ? "write-all" : `${scope}: write`}, which ALLOWED_WRITES does not grant it.`,
          }));
      });
    },
  },
  {
    id: "id-token",
    why: "an OIDC token can publish with provenance: only the publish job may mint one",
    check(workflow) {
      return jobs(workflow)
        .filter(
          ([id, job]) =>
            `${workflow.file}#${id}` !== ID_TOKEN_JOB && asMap(job.permissions)["id-token"] === "write",
        )
        .map(([id]) => ({
          line: jobLine(workflow, id),
          message: `Only ${ID_TOKEN_JOB} may have id-token: write (job ${id} has it).`,
        }));
    },
  },
];
