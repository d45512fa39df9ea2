import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Station } from './station.js';

/**
 * Signed meter values of the 2.0.1 station (Part 2 J01.FR.21 AlignedDataCtrlr.SignReadings for clock-aligned
 * readings, J02.FR.21 SampledDataCtrlr.SignReadings for the sampled ones): each sampled value gets a
 * signedMeterValue whose signedMeterData is the base64 of the reading and its ECDSA P-256 signature (JSON), and
 * whose publicKey is the meter's key (base64 DER) unless OCPPCommCtrlr.PublicKeyWithSignedMeterValue is Never ("").
 */
let meterKey: { privateKey: KeyObject; publicKey: string } | undefined;

function key(): { privateKey: KeyObject; publicKey: string } {
  if (!meterKey) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    meterKey = { privateKey: pair.privateKey, publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
  }
  return meterKey;
}

/** Adds signedMeterValue to the sampled values of one 2.0.1 MeterValue element whose controller signs its readings. */
export function signReadings201<T extends Record<string, unknown>>(st: Station, element: T): T {
  const dm = st.deviceModel;
  if (!dm || st.faults.has('signed-meter-values-unsigned')) return element;
  const sampled = element.sampledValue as Array<Record<string, unknown>> | undefined;
  for (const sv of sampled ?? []) {
    const controller = sv.context === 'Sample.Clock' ? 'AlignedDataCtrlr' : 'SampledDataCtrlr';
    if (dm.value(controller, 'SignReadings') !== 'true') continue;
    const reading = JSON.stringify({ timestamp: element.timestamp, measurand: sv.measurand, value: sv.value, unit: (sv.unitOfMeasure as { unit?: string } | undefined)?.unit, context: sv.context });
    const signature = createSign('SHA256').update(reading).sign(key().privateKey).toString('base64');
    const withKey = dm.value('OCPPCommCtrlr', 'PublicKeyWithSignedMeterValue') !== 'Never';
    sv.signedMeterValue = { signedMeterData: Buffer.from(JSON.stringify({ reading, signature })).toString('base64'), signingMethod: 'ECDSA-P256-SHA256', encodingMethod: 'JSON', publicKey: withKey ? key().publicKey : '' };
  }
  return element;
}

/** SampledDataCtrlr.SignReadings: the meter signs the transaction's readings (TxStartPoint DataSigned, E01 S4). */
export function signsReadings201(st: Station): boolean {
  return st.deviceModel?.value('SampledDataCtrlr', 'SignReadings') === 'true';
}
