import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bump, Severity } from "../report.js";

/**
 * The published packages whose public surface a spec change reaches, and why. Each gets the
 * spec change's bump. Not listed, on purpose:
 * - `@signalwire-voice/mock-server`: its data and checks are written by hand against the
 *   types; changesets gives it a patch through `updateInternalDependencies`, and teaching it a
 *   new field is a change of its own, with its own changeset.
 * - `@signalwire-voice/pagination`: generic over any `{ links, data }` page; no spec types.
 */
export const SPEC_SURFACE: readonly { name: string; why: string }[] = [
  {
    name: "@signalwire-voice/types",
    why: "generated from the spec: every change lands in its types or their JSDoc",
  },
  {
    name: "@signalwire-voice/client",
    why: 're-exports those types and types `GET("/logs")` with `paths`: callers compile against the same change',
  },
];

/** The packages of SPEC_SURFACE that exist (and are published) in the workspace at `repoRoot`. */
export function touchedPackages(bump: Bump, repoRoot: string): { name: string; bump: Severity }[] {
  if (bump === "none") return [];
  const present = workspacePackages(repoRoot);
  return SPEC_SURFACE.filter(({ name }) => present.has(name)).map(({ name }) => ({ name, bump }));
}

function workspacePackages(repoRoot: string): Set<string> {
  const dir = join(repoRoot, "packages");
  const names = new Set<string>();
  if (!existsSync(dir)) return names;
  for (const entry of readdirSync(dir)) {
    const manifest = join(dir, entry, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, private: isPrivate } = JSON.parse(readFileSync(manifest, "utf8")) as {
      name?: string;
      private?: boolean;
    };
    if (name && !isPrivate) names.add(name);
  }
  return names;
}
