import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/internal/create-dataset.js";
import type { Dataset } from "../../src/internal/dataset.js";
import { FaultBook } from "../../src/internal/faults.js";
import { handle } from "../../src/internal/handler.js";
import { AUTH } from "../helpers.js";

/** The dataset, with every method call the handler makes counted. */
function counted(dataset: Dataset) {
  const calls = new Map<string, number>();
  const proxy = new Proxy(dataset, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
  return { proxy, calls };
}

describe("a by-id request costs the same at any depth: one lookup, no scan", () => {
  const dataset = createDataset({ logs: 1_000_000_000, seed: 1, projectId: "test-project" });
  const depths = [0, 1, 39, 1000, 123_456_789, dataset.size - 1];

  it.each(["", "/events"])("GET /logs/{id}%s", async (suffix) => {
    const seen = [];
    for (const position of depths) {
      const { proxy, calls } = counted(dataset);
      const state = {
        dataset: proxy,
        faults: new FaultBook(1),
        projectId: "test-project",
        token: "test-token",
      };
      const url = `http://mock.test/api/voice/logs/${dataset.id(position)}${suffix}`;
      const reply = await handle(state, {
        method: "GET",
        url,
        headers: new Headers(AUTH),
        signal: new AbortController().signal,
      });
      expect(reply.status).toBe(200);
      seen.push(Object.fromEntries(calls));
    }
    const want = suffix ? { positionOf: 1, events: 1 } : { positionOf: 1, log: 1 };
    expect(seen).toEqual(depths.map(() => want));
  });
});
