import type { Payload } from '../ocpp/frame.js';

/**
 * The ways a CALL made through an RpcEndpoint can fail, and the error a handler throws to answer
 * with a CALLERROR. Each has a stable `code` so callers can tell them apart without parsing text.
 */

/** The other side answered our CALL with a CALLERROR. */
export class RpcCallError extends Error {
  readonly code = 'RPC_CALL_ERROR';
  constructor(
    readonly action: string,
    readonly errorCode: string,
    readonly errorDescription: string,
    readonly errorDetails: Payload = {},
  ) {
    super(`${action} was answered with CALLERROR ${errorCode}${errorDescription ? `: ${errorDescription}` : ''}`);
    this.name = 'RpcCallError';
  }
}

/** No answer to our CALL within the response timeout. */
export class RpcTimeoutError extends Error {
  readonly code = 'RPC_TIMEOUT';
  constructor(
    readonly action: string,
    readonly timeoutMs: number,
  ) {
    super(`${action} got no answer within ${timeoutMs} ms`);
    this.name = 'RpcTimeoutError';
  }
}

/** The connection closed (or was never open) before our CALL was answered. */
export class RpcClosedError extends Error {
  readonly code = 'RPC_CLOSED';
  constructor(readonly action: string) {
    super(`${action} could not complete: the connection is closed`);
    this.name = 'RpcClosedError';
  }
}

/** Thrown by a handler to answer the incoming CALL with a CALLERROR. */
export class RpcError extends Error {
  readonly code = 'RPC_HANDLER_ERROR';
  constructor(
    readonly errorCode: string,
    readonly errorDescription = '',
    readonly errorDetails: Payload = {},
  ) {
    super(`${errorCode}${errorDescription ? `: ${errorDescription}` : ''}`);
    this.name = 'RpcError';
  }
}
