import type { Version } from '../types.js';

/**
 * The CALLERROR codes each version allows. 1.6 spells two of them differently from 2.x
 * (FormationViolation, OccurenceConstraintViolation): OCPP-J 1.6 section 4.2.3, 2.0.1 Part 4 section 4.3.
 */
const CODES_16 = [
  'NotImplemented',
  'NotSupported',
  'InternalError',
  'ProtocolError',
  'SecurityError',
  'FormationViolation',
  'PropertyConstraintViolation',
  'OccurenceConstraintViolation',
  'TypeConstraintViolation',
  'GenericError',
] as const;

const CODES_2X = [
  'FormatViolation',
  'GenericError',
  'InternalError',
  'MessageTypeNotSupported',
  'NotImplemented',
  'NotSupported',
  'OccurrenceConstraintViolation',
  'PropertyConstraintViolation',
  'ProtocolError',
  'RpcFrameworkError',
  'SecurityError',
  'TypeConstraintViolation',
] as const;

const CODES: Record<Version, ReadonlySet<string>> = {
  '1.6': new Set(CODES_16),
  '2.0.1': new Set(CODES_2X),
  '2.1': new Set(CODES_2X),
};

export function errorCodesOf(version: Version): ReadonlySet<string> {
  return CODES[version];
}

export function isErrorCodeOf(version: Version, code: string): boolean {
  return CODES[version].has(code);
}

/** The kinds of error a validator can name, independent of spelling. */
export type ErrorKind = 'format' | 'occurrence' | 'property' | 'type' | 'notImplemented' | 'messageType' | 'rpcFramework' | 'protocol';

/** Spells an error kind the way the version does. 1.6 has no MessageTypeNotSupported nor RpcFrameworkError. */
export function errorCodeFor(version: Version, kind: ErrorKind): string {
  const v16 = version === '1.6';
  switch (kind) {
    case 'format':
      return v16 ? 'FormationViolation' : 'FormatViolation';
    case 'occurrence':
      return v16 ? 'OccurenceConstraintViolation' : 'OccurrenceConstraintViolation';
    case 'property':
      return 'PropertyConstraintViolation';
    case 'type':
      return 'TypeConstraintViolation';
    case 'notImplemented':
      return 'NotImplemented';
    case 'protocol':
      return 'ProtocolError';
    case 'messageType':
      return v16 ? 'FormationViolation' : 'MessageTypeNotSupported';
    case 'rpcFramework':
      return v16 ? 'FormationViolation' : 'RpcFrameworkError';
  }
}
