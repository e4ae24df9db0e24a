import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sendJson, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typecheck } from "./helpers/compile.js";
import { type Consumer, createConsumer } from "./helpers/consumer.js";

// A user's own project (the packed packages, nothing else of ours) that generated types for
// SignalWire's REST API with openapi-typescript (the file rest-types generates, copied in as
// theirs) and walks a list under a path parameter with a plain openapi-fetch client.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const run = promisify(execFile);
const AUTHORIZATION = `Basic ${btoa("rest-project:rest-token")}`;
const PATH = "/api/fabric/resources/{id}/addresses";
const ID = "5b8e2f1c-7d4a-4e6b-9c3f-0a1b2c3d4e5f";
const ADDRESSES = Array.from({ length: 7 }, (_, index) => ({
  id: `de000000-0000-4000-8000-00000000000${index}`,
  name: `address-${index}`,
  display_name: `Address ${index}`,
  cover_url: "https://example.signalwire.com/cover.png",
  preview_url: "https://example.signalwire.com/preview.png",
  locked: false,
  channels: { audio: `/public/address-${index}?channel=audio` },
  created_at: "2026-01-01T00:00:00Z",
  type: "subscriber",
}));

const WALK = `import { paginate } from "@signalwire-voice/pagination";
import createClient from "openapi-fetch";
import type { paths } from "./rest-api.js";

const [baseUrl = "", id = ""] = process.argv.slice(2);
const client = createClient<paths>({ baseUrl, headers: { authorization: "${AUTHORIZATION}" } });
const names: string[] = [];
let cursor: string | undefined;
for await (const page of paginate(client, "${PATH}", { path: { id }, pageSize: 3 }).pages()) {
  for (const address of page.items) names.push(address.name);
  cursor = page.cursor;
}
// @ts-expect-error -- the path's parameters are required (compiled, never called)
void (() => paginate(client, "${PATH}"));
console.log(JSON.stringify({ names, cursor }));
`;

let consumer: Consumer;
let server: TestServer;
beforeAll(async () => {
  consumer = await createConsumer(repoRoot);
  mkdirSync(consumer.blocks, { recursive: true });
  copyFileSync(
    join(repoRoot, "packages/rest-types/src/generated/rest.ts"),
    join(consumer.blocks, "rest-api.ts"),
  );
  writeFileSync(join(consumer.blocks, "walk.ts"), WALK);
  server = await startTestServer((request, response, url, origin) => {
    const path = PATH.replace("{id}", ID);
    if (request.headers.authorization !== AUTHORIZATION || url.pathname !== path)
      return sendJson(response, { error: "Not Found" }, 404);
    const offset = Number(url.searchParams.get("page_token") ?? 0);
    const size = Number(url.searchParams.get("page_size"));
    const next =
      offset + size < ADDRESSES.length
        ? `${origin}${path}?page_size=${size}&page_token=${offset + size}`
        : undefined;
    sendJson(response, {
      links: {
        self: `${origin}${url.pathname}${url.search}`,
        first: `${origin}${path}`,
        ...(next && { next }),
      },
      data: ADDRESSES.slice(offset, offset + size),
    });
  });
});
afterAll(async () => {
  await server?.close();
  if (consumer) rmSync(consumer.dir, { recursive: true, force: true });
});

describe("a user's project with its own REST types", () => {
  it("compiles under strict with the packed pagination, and walks a list under a path parameter", async () => {
    const files = new Map();
    expect(await typecheck(consumer, "tsconfig.strict.json", files)).toEqual([]);
    expect(await typecheck(consumer, "tsconfig.exact.json", files)).toEqual([]);
    const { stdout } = await run(process.execPath, [join(consumer.out, "walk.js"), server.url, ID], {
      cwd: consumer.dir,
    });
    const { names, cursor } = JSON.parse(stdout) as { names: string[]; cursor: string };
    expect(names).toEqual(ADDRESSES.map((address) => address.name));
    expect(cursor).toContain(`/api/fabric/resources/${ID}/addresses`);
    expect(server.requests.map((request) => request.path)).toEqual([
      `/api/fabric/resources/${ID}/addresses`,
      `/api/fabric/resources/${ID}/addresses`,
      `/api/fabric/resources/${ID}/addresses`,
    ]);
  });
});
