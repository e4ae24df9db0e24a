// A bundler consumer, with a plain openapi-fetch client of its own paths.
import { paginate } from "@signalwire-voice/pagination";
import createClient from "openapi-fetch";

interface Paths {
  "/things": {
    get: {
      parameters: { query?: { page_size?: number; page_token?: string; color?: string } };
      responses: {
        200: { content: { "application/json": { links: { next?: string }; data: { id: number }[] } } };
      };
    };
  };
}

export async function ids(): Promise<number[]> {
  const client = createClient<Paths>({ baseUrl: "https://api.example.com" });
  const ids: number[] = [];
  for await (const thing of paginate(client, "/things", { query: { color: "red" } })) ids.push(thing.id);
  return ids;
}
