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
  /** Ends everything (connection, listening socket). */
  dispose(): Promise<void>;
}

export class LinkDownError extends Error {
  override readonly name = 'LinkDownError';
}

/** The SUT could not be reached: the reason is meant for people (and for exit code 2). */
export class LinkOpenError extends Error {
  override readonly name = 'LinkOpenError';
}
