import { describe, expect, it } from "vitest";
import { createMockServer } from "../src/index.js";
import { getJson, LOGS_URL } from "./helpers.js";

const basic = (credentials: string) => `Basic ${btoa(credentials)}`;

describe("Basic project_id:token", () => {
  const server = createMockServer({ logs: 1, projectId: "p-1", token: "PT:secret" });

  it.each([
    ["no header", undefined, 401],
    ["the defaults, not this server's", basic("test-project:test-token"), 401],
    ["a wrong token", basic("p-1:PT:wrong"), 401],
    ["a wrong project", basic("p-2:PT:secret"), 401],
    ["no colon", basic("p-1"), 401],
    ["Bearer", "Bearer PT:secret", 401],
    ["not base64", "Basic !!!", 401],
    ["the right credentials (a colon in the token is fine)", basic("p-1:PT:secret"), 200],
    ["a lower-case scheme", `basic ${btoa("p-1:PT:secret")}`, 200],
  ])("%s → %i", async (_name, authorization, want) => {
    const headers: Record<string, string> = authorization ? { authorization } : {};
    const { status, body } = await getJson(server.fetch, LOGS_URL, headers);
    expect(status).toBe(want);
    if (want === 401) expect(body).toEqual({ error: "Unauthorized" });
  });

  it("asks for Basic auth", async () => {
    const response = await server.fetch(LOGS_URL);
    expect(response.headers.get("www-authenticate")).toBe('Basic realm="SignalWire"');
  });

  it("checks credentials before the query", async () => {
    const { status } = await getJson(server.fetch, `${LOGS_URL}?page_size=0`, {});
    expect(status).toBe(401);
  });
});
