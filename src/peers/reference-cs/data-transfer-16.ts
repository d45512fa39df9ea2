import type { Payload } from '../../ocpp/frame.js';
import { RpcError } from '../rpc-errors.js';
import type { Station } from './station.js';

/**
 * OCPP 1.6 DataTransfer from the CSMS (§5.6): the reference station knows no vendor extensions, so every
 * vendorId is unknown to it. DataTransfer is a Core message: it is answered, never refused with a CALLERROR.
 */
export function dataTransfer16(st: Station): Payload {
  if (st.faults.has('data-transfer-not-implemented')) throw new RpcError('NotImplemented', 'DataTransfer is not implemented');
  return { status: 'UnknownVendorId' };
}
