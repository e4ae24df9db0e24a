import type { Duplex } from "node:stream";
import type { Reply } from "./reply.js";
import { replyAndClose } from "./socket-reply.js";

interface SocketState {
  responses: number;
  error?: Reply;
}

/**
 * Per connection, the responses still being written and an error reply waiting for them. A
 * request Node's parser refuses can arrive behind requests still being answered (pipelined, or
 * bytes after a request that declared no body): its error goes after their answers, never into
 * the middle of one, and then the connection closes.
 *
 * @example
 * ```ts
 * pending.begin(socket); // a request arrived
 * pending.failAfter(socket, errorReply(400, "Bad Request")); // the bytes behind it are garbage
 * pending.end(socket); // its answer is written: now the 400, then close
 * ```
 */
export class PendingResponses {
  readonly #sockets = new WeakMap<Duplex, SocketState>();

  /** A response to a request on `socket` has begun. */
  begin(socket: Duplex): void {
    this.#state(socket).responses++;
  }

  /** That response is written (or its connection closed). */
  end(socket: Duplex): void {
    const state = this.#state(socket);
    state.responses--;
    if (state.responses === 0 && state.error) replyAndClose(socket, state.error);
  }

  /** Replies `error` and closes `socket` once its responses are done: at once if none is pending. */
  failAfter(socket: Duplex, error: Reply): void {
    const state = this.#state(socket);
    if (state.responses === 0) replyAndClose(socket, error);
    else state.error ??= error;
  }

  #state(socket: Duplex): SocketState {
    let state = this.#sockets.get(socket);
    if (!state) {
      state = { responses: 0 };
      this.#sockets.set(socket, state);
    }
    return state;
  }
}
