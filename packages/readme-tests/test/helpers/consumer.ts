import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A user's project: the published packages as `pnpm pack` makes them, and nothing else of ours. */
export interface Consumer {
  dir: string;
  /** Where the blocks go, one module each. */
  blocks: string;
  /** The compiled blocks (tsc's output of `blocks/`). */
  out: string;
  /** The published packages, by name. */
  packages: string[];
}

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

// What a consumer's tsconfig says: `tsc --init`'s strict mode, Node's own module system.
const base = {
  strict: true,
  module: "nodenext",
  moduleResolution: "nodenext",
  target: "es2022",
  types: ["node"],
  skipLibCheck: false,
};

/**
 * Packs every published package of the workspace, unpacks each into a fresh project's
 * node_modules (the folder's path has a space), links their third-party dependencies from the
 * workspace's install (no network), and writes the project's tsconfigs: `tsconfig.strict.json`
 * (emits to `out/`) and `tsconfig.exact.json` (`exactOptionalPropertyTypes` too).
 *
 * @example
 * const consumer = await createConsumer(repoRoot); // consumer.dir/node_modules/@signalwire-voice/client …
 */
export async function createConsumer(repoRoot: string): Promise<Consumer> {
  const dir = mkdtempSync(join(tmpdir(), "readme blocks-"));
  try {
    return await fill(dir, repoRoot);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function fill(dir: string, repoRoot: string): Promise<Consumer> {
  const tarballs = join(dir, "tarballs");
  mkdirSync(tarballs);
  const folders = readdirSync(join(repoRoot, "packages")).map((name) => join(repoRoot, "packages", name));
  const published = folders
    .map((folder) => ({ folder, manifest: readManifest(folder) }))
    .filter(({ manifest }) => manifest && !manifest.private) as { folder: string; manifest: Manifest }[];

  await Promise.all(
    published.map(async ({ folder, manifest }) => {
      const { stdout } = await run("pnpm", ["pack", "--pack-destination", tarballs, "--json"], {
        cwd: folder,
      }).catch((error: Error & { code?: string }) => {
        throw new Error(
          error.code === "ENOENT"
            ? "pnpm is not on PATH: run this test through `pnpm test` or `npm test`."
            : `pnpm pack of ${manifest.name} failed: ${error.message}`,
        );
      });
      const { filename } = JSON.parse(stdout) as { filename: string };
      const target = join(dir, "node_modules", manifest.name);
      mkdirSync(target, { recursive: true });
      await run("tar", ["-xzf", filename, "-C", target, "--strip-components=1"]);
    }),
  );

  // Third-party dependencies (openapi-fetch…), as the workspace resolves them for the package.
  const ours = new Set(published.map(({ manifest }) => manifest.name));
  const linked = new Set<string>();
  const link = (name: string, from: string) => {
    if (ours.has(name) || linked.has(name)) return;
    linked.add(name);
    const target = packageDirectory(name, from);
    mkdirSync(dirname(join(dir, "node_modules", name)), { recursive: true });
    symlinkSync(target, join(dir, "node_modules", name), "dir");
  };
  for (const { folder, manifest } of published) {
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }))
      link(name, folder);
  }
  // What a user's project has beside them: Node's types, vitest for a block that is a test, and
  // MSW for the block that serves the mock server through it.
  const here = join(dirname(fileURLToPath(import.meta.url)), "../..");
  for (const name of ["@types/node", "vitest", "msw"]) link(name, here);

  writeJson(join(dir, "package.json"), { name: "readme-consumer", private: true, type: "module" });
  writeJson(join(dir, "tsconfig.strict.json"), {
    compilerOptions: { ...base, outDir: "out", rootDir: "." },
    include: ["blocks"],
  });
  writeJson(join(dir, "tsconfig.exact.json"), {
    compilerOptions: { ...base, exactOptionalPropertyTypes: true, noEmit: true },
    include: ["blocks"],
  });
  return {
    dir,
    blocks: join(dir, "blocks"),
    out: join(dir, "out", "blocks"),
    packages: [...ours].sort(),
  };
}

function readManifest(folder: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

function writeJson(path: string, value: unknown) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The folder of package `name` as `from` resolves it. Some packages (csv-stringify) export no
 * `./package.json`: their entry point is resolved instead, and the folder found above it.
 */
function packageDirectory(name: string, from: string): string {
  const require = createRequire(join(from, "package.json"));
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    let folder = dirname(require.resolve(name));
    while (!existsSync(join(folder, "package.json")) || !folder.endsWith(join("node_modules", name))) {
      const parent = dirname(folder);
      if (parent === folder) throw new Error(`No folder of ${name} above ${require.resolve(name)}`);
      folder = parent;
    }
    return folder;
  }
}
