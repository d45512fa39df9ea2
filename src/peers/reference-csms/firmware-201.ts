import { sign } from 'node:crypto';
import type { Payload } from '../../ocpp/frame.js';
import { FIRMWARE_SIGNING_CERT, FIRMWARE_SIGNING_KEY, firmwareImage } from '../security-fixtures-16.js';
import type { StationSession } from './session.js';

/**
 * The 2.0.1 UpdateFirmware the reference CSMS sends (OCPP 2.0.1 Part 2 L01, secure firmware update): the
 * firmware with its signing certificate and signature (L01.FR.01), a retrieveDateTime and, when given, an
 * installDateTime. Without explicit ones it signs the image the reference station "downloads" from the location
 * (test data: the manufacturer's signing certificate and key).
 */
export function updateFirmware201(s: StationSession, p: Record<string, unknown>, location: string, retrieve: string, requestId: number): Payload {
  const firmware: Payload = { location, retrieveDateTime: s.faults.has('csms201-firmware-retrieve-time-ignored') ? new Date().toISOString() : retrieve };
  if (p.installDateTime !== undefined && !s.faults.has('csms201-firmware-install-time-dropped')) firmware.installDateTime = String(p.installDateTime);
  if (!s.faults.has('csms201-firmware-unsigned')) {
    firmware.signingCertificate = String(p.signingCertificate ?? FIRMWARE_SIGNING_CERT);
    firmware.signature = String(p.signature ?? sign('sha256', firmwareImage(location), FIRMWARE_SIGNING_KEY).toString('base64'));
  }
  return { requestId, firmware };
}
