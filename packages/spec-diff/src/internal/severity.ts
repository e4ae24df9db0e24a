import type { Bump, Change, Severity } from "../report.js";

const rank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The release the changes need: the highest severity among them. */
export function bumpOf(changes: readonly Pick<Change, "severity">[]): Bump {
  let bump: Bump = "none";
  for (const { severity } of changes) if (rank[severity] > rank[bump]) bump = severity;
  return bump;
}

/** True when `bump` reaches `threshold` (`none` as a threshold is never reached). */
export function reaches(bump: Bump, threshold: Bump): boolean {
  return threshold !== "none" && rank[bump] >= rank[threshold];
}

/** The higher of two bumps. */
export const higher = (a: Bump, b: Bump): Bump => (rank[a] >= rank[b] ? a : b);

/** Sort order: most severe first. */
export function bySeverity(a: Pick<Change, "severity">, b: Pick<Change, "severity">): number {
  return rank[b.severity] - rank[a.severity];
}

export function countBySeverity(changes: readonly Pick<Change, "severity">[]): Record<Severity, number> {
  const summary = { major: 0, minor: 0, patch: 0 };
  for (const { severity } of changes) summary[severity] += 1;
  return summary;
}

export const isBump = (value: string): value is Bump => value in rank;
