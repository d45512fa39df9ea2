import type http from 'node:http';
import type https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { FaultSet } from '../faults.js';

/**
 * A CSMS whose stations may raise their security profile (OCPP 2.0.1 A05, 1.6 security whitepaper A05): it takes
 * plain and TLS connections on one port (the first byte of a TLS handshake is 0x16), and once a station has connected
 * with a higher security profile it refuses that station's connections with a lower one (A05.FR.07). The profile of a
 * connection: 3 TLS with a client certificate its CA issued, 2 TLS, 1 Basic auth, 0 neither.
 */
export class ProfileGuard {
  private readonly lowest = new Map<string, number>();
  constructor(private readonly faults: FaultSet) {}

  /** The security profile a WebSocket upgrade request came with. */
  profileOf(req: IncomingMessage): number {
    const socket = req.socket as Partial<TLSSocket>;
    if (socket.encrypted) return socket.authorized && socket.getPeerCertificate && Object.keys(socket.getPeerCertificate()).length > 0 ? 3 : 2;
    return req.headers.authorization ? 1 : 0;
  }

  /** Why the connection is refused, or undefined when the profile is not below the one the station has reached. */
  refusal(identity: string, profile: number): string | undefined {
    const least = this.lowest.get(identity) ?? 0;
    if (profile >= least || this.faults.has('csms-accepts-lower-profile-after-upgrade')) return undefined;
    return `security profile ${profile} after the station connected with ${least}`;
  }

  /** A connection was accepted with this profile: lower ones are refused from now on. */
  accepted(identity: string, profile: number): void {
    if (profile > (this.lowest.get(identity) ?? 0)) this.lowest.set(identity, profile);
  }
}

/** One port for both: a TCP listener that hands each connection to the plain or the TLS server. */
export function dualListener(plain: http.Server, secure: https.Server): Server {
  const front = createServer((socket: Socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      if (first[0] === 0x16) {
        secure.emit('connection', socket);
      } else {
        plain.emit('connection', socket);
        socket.resume();
      }
    });
  });
  return front;
}

/** The commonName of the client certificate a TLS connection came with; undefined without one. */
export function clientCommonName(req: IncomingMessage): string | undefined {
  const socket = req.socket as Partial<TLSSocket>;
  if (!socket.encrypted || !socket.getPeerCertificate) return undefined;
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return undefined;
  const cn = cert.subject?.CN;
  return Array.isArray(cn) ? cn[0] : cn;
}
