import type { AttemptQueue } from './connection-attempts.js';
import type { StationGate } from './station-gate.js';

/**
 * The engine's only view of the system under test: a connection that sends and receives text frames and can be
 * closed and (re)opened. ws-station-link.ts (the harness dials a CSMS) and ws-csms-link.ts (a station dials the
 * harness) implement it over WebSockets; the unit tests implement it with scripted frames. No sockets in the engine.
 */
export interface LinkListener {
  /** A message from the SUT. */
  frame(text: string, binary: boolean): void;
  /** A connection was established (the first one, or a reconnect). */
  open(conn: string): void;
  /** The connection ended, whoever closed it. */
  close(conn: string, code: number, reason: string): void;
}

export interface Link {
  /** The station identity on this link. */
  readonly station: string;
  /** Id of the current (or last) connection; unique within a run. */
  readonly conn: string;
  readonly isOpen: boolean;
  /** Where the SUT is, for reports: its URL, or the port the harness listens on. */
  readonly endpoint: string;
  setListener(listener: LinkListener): void;
  /** Sends one text frame; throws LinkDownError when there is no connection. */
  send(text: string): void;
  /** Closes the connection from the harness side. With refuseReconnect (harness as CSMS) new connections are refused until open(). */
  close(options?: { refuseReconnect?: boolean }): Promise<void>;
  /**
   * Harness as station: dials the SUT (resolves when connected; rejects with LinkOpenError saying why not).
   * Harness as CSMS: accepts connections again and waits until the station is connected (at once if it is).
   */
  open(timeoutMs: number): Promise<void>;
  /** The HTTP Basic auth password used (harness as station) or required (harness as CSMS) from now on; null: the configured one again. */
  setPassword?(password: string | null): void;
  /** Harness as station: the HTTP Basic auth user name sent from now on (normally the identity); null: the identity again. */
  setUsername?(username: string | null): void;
  /** Harness as CSMS: the connection attempts it refused while refusing reconnects (expectAttempt steps). */
  readonly refusedAttempts?: AttemptQueue;
  /** Ends everything (connection, listening socket). */
  dispose(): Promise<void>;
  /** Harness as CSMS: the door stations come in through when the harness owns their TLS (station-gate.ts); absent otherwise. */
  readonly gate?: StationGate;
  /** Harness as station: from the next connection on, present this client certificate with the key of the last CSR the harness made. */
  useClientCertificate?(cert: string, key: string): void;
  /** Harness as station: from the next connection on, present this invalid client certificate of the test material (`untrusted`, `expired`, `wrongName`); null: the configured one. */
  presentClientCertificate?(kind: string | null): void;
  /** Harness as station: from the next connection on, connect with this security profile (plain, TLS, TLS with the client certificate). */
  setSecurityProfile?(profile: number): void;
}

export class LinkDownError extends Error {
  override readonly name = 'LinkDownError';
}

/** The SUT could not be reached: the reason is meant for people (and for exit code 2). */
export class LinkOpenError extends Error {
  override readonly name = 'LinkOpenError';
}

/**
 * Hands a link's events to its listener; events that happen before anyone listens (a station that connects
 * while the run is still being set up) are kept and replayed, not lost.
 */
export class LinkEvents {
  private listener?: LinkListener;
  private readonly early: Array<(l: LinkListener) => void> = [];

  setListener(listener: LinkListener): void {
    this.listener = listener;
    for (const replay of this.early.splice(0)) replay(listener);
  }

  emit(event: (l: LinkListener) => void): void {
    if (this.listener) event(this.listener);
    else this.early.push(event);
  }

  /** Reports a socket's messages and close, then its opening, as connection `conn`; `onClosed` runs first on close. */
  wire(ws: WebSocketLike, conn: string, onClosed: () => void): void {
    // Binary messages are passed on byte for byte (latin1) so the protocol core can flag them.
    ws.on('message', (data: Buffer, isBinary: boolean) => this.emit((l) => l.frame(isBinary ? Buffer.from(data).toString('latin1') : data.toString(), isBinary)));
    ws.on('error', () => undefined);
    ws.on('close', (code: number, reason: Buffer) => {
      onClosed();
      this.emit((l) => l.close(conn, code, reason.toString()));
    });
    this.emit((l) => l.open(conn));
  }
}

/** The part of a `ws` WebSocket that LinkEvents needs. */
interface WebSocketLike {
  on(event: 'message', fn: (data: Buffer, isBinary: boolean) => void): unknown;
  on(event: 'error', fn: (err: Error) => void): unknown;
  on(event: 'close', fn: (code: number, reason: Buffer) => void): unknown;
}

/** The close reason the harness gives when it hangs up itself. */
export const HARNESS_CLOSE_REASON = 'closed by ocpp-harness';

/** Closes a socket from the harness side; one that does not finish its closing handshake within 1 s is terminated. */
export async function closeSocket(ws: ClosableSocket | undefined): Promise<void> {
  if (!ws || ws.readyState === CLOSED) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      ws.terminate();
      resolve();
    }, 1000);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.close(1000, HARNESS_CLOSE_REASON);
  });
}

/** WebSocket.CLOSED, without importing ws here. */
const CLOSED = 3;

interface ClosableSocket {
  readonly readyState: number;
  once(event: 'close', fn: () => void): unknown;
  close(code: number, reason: string): void;
  terminate(): void;
}
