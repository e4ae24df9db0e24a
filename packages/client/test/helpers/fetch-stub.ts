/** A `fetch` that answers from a list (the last answer repeats) and records every Request. */
export interface FetchStub {
  (request: Request): Promise<Response>;
  requests: Request[];
}

type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/**
 * Real `Request`s in, real `Response`s out, no mocking library: each call takes the next answer.
 * An `Error` answer rejects like a network failure; a function answer can wait or look at the request.
 */
export function fetchStub(...answers: Answer[]): FetchStub {
  const requests: Request[] = [];
  const stub = async (request: Request) => {
    requests.push(request);
    const answer = answers[Math.min(requests.length, answers.length) - 1];
    if (answer instanceof Error) throw answer;
    const response = typeof answer === "function" ? await answer(request) : (answer as Response).clone();
    // Like a real fetch's: the URL that answered (a constructed Response has none).
    return Object.defineProperty(response, "url", { value: request.url });
  };
  return Object.assign(stub, { requests });
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

/** A fetch that never answers on its own: it waits for the request's signal, then rejects with its reason. */
export function hangingFetch(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal.addEventListener("abort", () => reject(request.signal.reason));
  });
}
