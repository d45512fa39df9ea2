import type { Socket } from 'node:net';

/**
 * ws performs the handshakes (the station's and the CSMS's) and then attaches its reader to each socket. In
 * observe mode the proxy relays the raw bytes instead, so it takes the sockets back: it notes the listeners a
 * socket has before ws takes it and, once ws has opened, removes the ones ws added. The ws objects are left
 * unused; the socket, paused, keeps any bytes ws had already received (ws puts them back into the socket).
 */
const EVENTS = ['data', 'end', 'close', 'error', 'drain', 'timeout'] as const;

export type ListenerSnapshot = Map<string, Set<(...args: unknown[]) => void>>;

export function listenerSnapshot(socket: Socket): ListenerSnapshot {
  return new Map(EVENTS.map((e) => [e, new Set(socket.listeners(e) as Array<(...args: unknown[]) => void>)]));
}

/** Removes every listener added since `before`, and pauses the socket until the relay resumes it. */
export function detachSocket(socket: Socket, before: ListenerSnapshot): void {
  socket.pause();
  for (const e of EVENTS) {
    const kept = before.get(e)!;
    for (const l of socket.listeners(e) as Array<(...args: unknown[]) => void>) if (!kept.has(l)) socket.off(e, l);
  }
}
