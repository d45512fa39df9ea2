/**
 * The stable list of finding codes. docs/findings.md documents each one; a test keeps the two in step.
 * Adding a rule: add it here with what triggers it and where the specification says so, then document it.
 */
export interface RuleInfo {
  /** What makes a frame (or handshake) get this finding. */
  trigger: string;
  /** Where the specification says so. */
  spec: string;
}

export const RULES = {
  'frame.not-json': { trigger: 'The frame text is not valid JSON.', spec: 'OCPP-J 1.6 §4.1.2; 2.0.1 Part 4 §4.1.2' },
  'frame.not-array': { trigger: 'The frame is JSON but not an array.', spec: 'OCPP-J 1.6 §4.2; 2.0.1 Part 4 §4.2' },
  'frame.binary': { trigger: 'A binary WebSocket message: OCPP-J uses text frames only.', spec: 'OCPP-J 1.6 §4.1.2; 2.0.1 Part 4 §4.1.2' },
  'frame.invalid-utf8': { trigger: 'A text WebSocket message whose bytes are not valid UTF-8.', spec: 'RFC 6455 §5.6; OCPP-J 1.6 §4.1.2; 2.0.1 Part 4 §4.1.2' },
  'frame.unknown-type': { trigger: 'The first element is not a known message type id (2, 3, 4, 5, 6).', spec: 'OCPP-J 1.6 §4.1.3; 2.0.1 Part 4 §4.1.3, §4.4' },
  'frame.arity': { trigger: 'The array has the wrong number of elements for its message type.', spec: 'OCPP-J 1.6 §4.2; 2.0.1 Part 4 §4.2' },
  'frame.element-type': { trigger: 'An element has the wrong JSON type (e.g. messageId not a string, payload not an object).', spec: 'OCPP-J 1.6 §4.2; 2.0.1 Part 4 §4.2' },
  'frame.message-id-too-long': { trigger: 'The messageId is longer than 36 characters.', spec: 'OCPP-J 1.6 §4.2.1; 2.0.1 Part 4 §4.1.4' },
  'schema.required': { trigger: 'A required field is missing.', spec: 'the OCA JSON schema of the message' },
  'schema.additional-property': { trigger: 'A field the schema does not define (objects other than customData are closed).', spec: 'the OCA JSON schema of the message' },
  'schema.type': { trigger: 'A field has the wrong JSON type.', spec: 'the OCA JSON schema of the message' },
  'schema.enum': { trigger: 'A value is not one of the enumeration values.', spec: 'the OCA JSON schema of the message' },
  'schema.format': { trigger: 'A value does not match its format (date-time, uri).', spec: 'the OCA JSON schema of the message' },
  'schema.length': { trigger: 'A string is longer (or shorter) than allowed.', spec: 'the OCA JSON schema of the message' },
  'schema.range': { trigger: 'A number is outside its minimum/maximum or not a multiple of multipleOf.', spec: 'the OCA JSON schema of the message' },
  'schema.items': { trigger: 'An array has too few or too many items.', spec: 'the OCA JSON schema of the message' },
  'schema.other': { trigger: 'Any other schema keyword failed (pattern, anyOf ...).', spec: 'the OCA JSON schema of the message' },
  'rpc.unknown-action': { trigger: 'A CALL or SEND names an action the negotiated version does not define.', spec: 'OCPP-J 1.6 §4.2.3 (NotImplemented); 2.0.1 Part 4 §4.3' },
  'rpc.wrong-direction': { trigger: 'An action sent by the side that may not send it (e.g. BootNotification from the CSMS).', spec: 'OCPP 1.6 chapters 4-5; 2.0.1 Part 2 message lists' },
  'rpc.send-not-confirmable': { trigger: 'A SEND-only action (2.1) sent as a CALL, or a confirmable action sent as SEND.', spec: 'OCPP 2.1 Part 4, RPC framework (SEND)' },
  'rpc.unknown-id': { trigger: 'A CALLRESULT/CALLERROR whose messageId matches no outstanding CALL of the other side.', spec: 'OCPP-J 1.6 §4.2.2, §4.2.3; 2.0.1 Part 4 §4.1.4' },
  'rpc.concurrent-call': { trigger: 'A second CALL from the same side while its previous CALL is unanswered and not timed out (1.6: SHOULD NOT, a warning; 2.x: SHALL NOT, an error).', spec: 'OCPP-J 1.6 §4.1.1; 2.0.1 Part 4 §4.1.1' },
  'rpc.duplicate-id': { trigger: 'A CALL reuses the messageId of a CALL of the same side that is still outstanding.', spec: 'OCPP-J 1.6 §4.2.1; 2.0.1 Part 4 §4.1.4' },
  'rpc.reused-id': { trigger: 'A CALL reuses a messageId the same side already used on this connection (answered already): a warning.', spec: '2.0.1 Part 4 §4.1.4' },
  'rpc.unknown-error-code': { trigger: 'A CALLERROR/CALLRESULTERROR errorCode that the negotiated version does not define (e.g. FormatViolation in 1.6).', spec: 'OCPP-J 1.6 §4.2.3; 2.0.1 Part 4 §4.3' },
  'rpc.type-not-in-version': { trigger: 'A SEND (6) or CALLRESULTERROR (5) on a 1.6 or 2.0.1 connection.', spec: 'OCPP 2.1 Part 4, RPC framework (SEND, CALLRESULTERROR)' },
  'rpc.late-response': { trigger: 'A response that arrives after the configured response timeout: a warning (the sender may already have given up).', spec: 'OCPP-J 1.6 §4.1.1; 2.0.1 Part 4 §4.1.1' },
  'rpc.before-boot': { trigger: 'A CALL from the station before its BootNotification was accepted. An error after a Rejected boot or while the BootNotification is unanswered; a warning after Pending (the CSMS may have triggered it) or when no BootNotification was seen on this connection (a station may reconnect without rebooting).', spec: 'OCPP 1.6 §4.2; 2.0.1 Part 2 B01-B03' },
  'handshake.no-subprotocol': { trigger: 'The station offered no OCPP subprotocol, or the CSMS selected none.', spec: 'OCPP-J 1.6 §3.1.2; 2.0.1 Part 4 §3.1.2' },
  'proxy.validator-failed': { trigger: 'The validator itself failed on a frame (a defect of this tool, not of the peer); the frame was forwarded unchanged.', spec: 'none (tool error)' },
  'log.bad-line': { trigger: 'A frame log line that is not JSON or lacks the fields a frame record needs.', spec: 'docs/frame-log.md' },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;
