/** A `fetch` that answers from a list (the last answer repeats) and records every Request and signal. */
export interface FetchStub {
  (request: Request, init?: { signal?: AbortSignal }): Promise<Response>;
  requests: Request[];
  /** The `signal` of each call: the attempt's. */
  signals: (AbortSignal | undefined)[];
}

type Answer = Response | Error | ((request: Request, signal: AbortSignal) => Response | Promise<Response>);

/**
 * Real `Request`s in, real `Response`s out, no mocking library: each call takes the next answer.
 * An `Error` answer rejects like a network failure; a function answer can wait or look at the request.
 */
export function fetchStub(...answers: Answer[]): FetchStub {
  const requests: Request[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const stub = async (input: Request, init?: { signal?: AbortSignal }) => {
    // A copy, as fetch would make: the client reuses its Request (and its headers) across attempts.
    const request = new Request(input, init);
    requests.push(request);
    signals.push(init?.signal);
    const answer = answers[Math.min(requests.length, answers.length) - 1];
    if (answer instanceof Error) throw answer;
    const response =
      typeof answer === "function" ? await answer(request, request.signal) : (answer as Response).clone();
    // Like a real fetch's: the URL that answered (a constructed Response has none).
    return Object.defineProperty(response, "url", { value: request.url });
  };
  return Object.assign(stub, { requests, signals });
}

/** A JSON response, as the API sends it. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** An empty page of logs. */
export const EMPTY_PAGE = {
  links: { self: "http://api.test/api/voice/logs", first: "http://api.test/api/voice/logs" },
  data: [],
};

/** A fetch that never answers on its own: it waits for the attempt's signal, then rejects with its reason. */
export function hangingFetch(_: Request, signal: AbortSignal): Promise<Response> {
  return new Promise((_, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason));
  });
}
