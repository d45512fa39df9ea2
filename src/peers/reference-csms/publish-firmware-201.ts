import { createHash } from 'node:crypto';
import type { Payload } from '../../ocpp/frame.js';
import { firmwareImage } from '../security-fixtures-16.js';
import type { StationSession } from './session.js';

type Request = { action: string; payload: Payload };

/** The firmware a station (a Local Controller) publishes when the operator names none. */
export const BUILT_IN_PUBLISH_LOCATION = 'https://firmware.example/reference-cs.bin';

/**
 * The MD5 checksum of the firmware at location (OCPP 2.0.1 Part 2 L03/L04: PublishFirmwareRequest.checksum and
 * UnpublishFirmwareRequest.checksum are the MD5 of the file, 32 hex digits). The reference CSMS knows the images of its
 * test data (firmwareImage); fault csms201-firmware-checksum-sha256 sends a SHA-256 (64 hex digits) instead.
 */
function checksum(s: StationSession, location: string): string {
  return createHash(s.faults.has('csms201-firmware-checksum-sha256') ? 'sha256' : 'md5').update(firmwareImage(location)).digest('hex');
}

/** PublishFirmware (L03): `location` (default the built-in firmware), `checksum` (default the MD5 of that image), `requestId`, `retries`, `retryInterval`. */
export function publishFirmware201(s: StationSession, p: Record<string, unknown>, requestId: number): Request {
  const location = s.faults.has('csms201-publish-firmware-built-in-location') ? BUILT_IN_PUBLISH_LOCATION : String(p.location ?? BUILT_IN_PUBLISH_LOCATION);
  const payload: Payload = { location, checksum: p.checksum === undefined ? checksum(s, location) : String(p.checksum), requestId };
  if (p.retries !== undefined) payload.retries = Number(p.retries);
  if (p.retryInterval !== undefined) payload.retryInterval = Number(p.retryInterval);
  return { action: 'PublishFirmware', payload };
}

/** UnpublishFirmware (L04): `checksum`, or the MD5 of the firmware at `location` (default the built-in firmware). */
export function unpublishFirmware201(s: StationSession, p: Record<string, unknown>): Request {
  const location = String(p.location ?? BUILT_IN_PUBLISH_LOCATION);
  return { action: 'UnpublishFirmware', payload: { checksum: p.checksum === undefined ? checksum(s, location) : String(p.checksum) } };
}
