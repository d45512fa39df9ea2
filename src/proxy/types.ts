import type { ConnectionEventRecord, FrameRecord, Version } from '../types.js';

/** PEM text or its bytes, as read from a file. */
export type Pem = string | Buffer;

/** The certificate the proxy serves to stations (`wss://`), or a generated self-signed one. */
export type ServerTlsOptions = { cert: Pem; key: Pem } | { selfSigned: true };

/** How the proxy dials a `wss://` CSMS: trusted CA, and for security profile 3 the client certificate it presents. */
export interface UpstreamTlsOptions {
  ca?: Pem;
  cert?: Pem;
  key?: Pem;
  /** Default true. False accepts any upstream certificate (debugging only). */
  rejectUnauthorized?: boolean;
}

export interface ProxyOptions {
  /** Port for stations; 0 picks a free one (see `ProxyHandle.port`). */
  port: number;
  /** Interface to listen on. Default 127.0.0.1 (the CLI defaults to 0.0.0.0). */
  host?: string;
  /** The CSMS base URL (`ws://` or `wss://`); each station is dialled at `<upstream>/<stationId>`. */
  upstream: string;
  /** Answer invalid CALLs with a CALLERROR instead of forwarding them. */
  enforce?: boolean;
  /** Write the JSON Lines frame log to a new file in this directory. */
  log?: { dir: string };
  /** Serve `wss://` to stations. */
  tls?: ServerTlsOptions;
  upstreamTls?: UpstreamTlsOptions;
  /** Request station client certificates signed by this CA (mutual TLS, security profile 3); needs `tls`. */
  clientCa?: Pem;
  /** CALL response timeout for the late-response rule (default 30 s). */
  responseTimeoutMs?: number;
  /** Console view: events only, no frame lines. */
  quiet?: boolean;
  /** Where the console view writes (the CLI passes stdout); no console view when absent. */
  console?: NodeJS.WritableStream;
  /** Colour in the console view; default: only when `console` is a TTY and NO_COLOR is unset. */
  color?: boolean;
  /** How long the CSMS may take to answer the upgrade before the station gets 504. Default 10 s. */
  upstreamTimeoutMs?: number;
  /** Bytes queued towards one side before the proxy stops reading from the other. Default 1 MiB. */
  highWaterMark?: number;
  /** Bytes of relayed messages the record thread (inspection and log) may be behind by before the proxy stops reading. Default 32 MiB. */
  recordBacklogBytes?: number;
  /** Version assumed when no OCPP subprotocol was agreed (frames are still forwarded and checked). Default 1.6. */
  fallbackVersion?: Version;
  /** Serve the live view (frames and events in a browser) on this port; host 127.0.0.1 unless given. */
  ui?: { port: number; host?: string };
}

/** A frame record as the proxy emits it: the shared record plus what only a proxy can say about a frame. */
export interface ProxyFrameRecord extends FrameRecord {
  /** Base64 of the exact bytes, when a text frame was not valid UTF-8 (`raw` then holds a lossy decoding). */
  rawBytes?: string;
  /** Enforce mode: this CALL was not forwarded. */
  dropped?: true;
  /** Enforce mode: the proxy itself sent this frame (the CALLERROR answering a dropped CALL). */
  injected?: true;
  /** The receiving side was already closing, so the frame could not be delivered. */
  undelivered?: true;
}

export interface ProxyStats {
  /** Distinct station identities that connected. */
  stations: number;
  connections: { total: number; open: number; refused: number };
  frames: { total: number; toCsms: number; toStation: number; invalid: number; binary: number; dropped: number; undelivered: number };
  /** Error findings per rule code. */
  byRule: Record<string, number>;
  /** Times a side was paused because the other side, or the record thread, could not take data fast enough. */
  backpressurePauses: number;
  httpRequests: number;
  observerErrors: number;
}

export interface ProxyEvents {
  frame: [ProxyFrameRecord];
  event: [ConnectionEventRecord];
}

export interface ProxyHandle {
  /** The port stations connect to. */
  readonly port: number;
  /** `ws://host:port` or `wss://host:port`: stations append `/<prefix>/<stationId>`. */
  readonly url: string;
  /** The log file of this run, when `log` was given. */
  readonly logFile?: string;
  /** The live view's address, when `ui` was given. */
  readonly uiUrl?: string;
  /** The certificate served to stations (PEM), e.g. to trust a self-signed one. */
  readonly certificate?: string;
  on<K extends keyof ProxyEvents>(event: K, listener: (...args: ProxyEvents[K]) => void): this;
  off<K extends keyof ProxyEvents>(event: K, listener: (...args: ProxyEvents[K]) => void): this;
  /** The counts so far (every record handed in before the call is counted). */
  stats(): Promise<ProxyStats>;
  /** Closes every connection (1001 to both sides), stops listening and flushes the log. */
  close(): Promise<void>;
}
