import { expect } from 'chai';
import { Conversation, DEFAULT_RESPONSE_TIMEOUT_MS, type Inspection } from '../../../src/ocpp/conversation.js';
import { RULES, type RuleCode } from '../../../src/ocpp/rules.js';
import { schemaSource } from '../../../src/ocpp/schema-sources.js';
import type { Direction, Version } from '../../../src/types.js';
import { examplesOf } from '../../helpers/realistic-payloads.js';
import { samplePayload } from '../../helpers/sample-payload.js';

/**
 * The conversation rules: each frame./schema./rpc. rule of src/ocpp/rules.ts gets at least one test that
 * triggers it and one that shows its legal neighbour does not. Time is always passed in (`now`), never slept.
 */

// ------------------------------------------------------------------------------------------------ helpers

/** A payload for `action`: the hand-written example when there is one, else a generated valid sample. */
function payloadOf(version: Version, action: string, kind: 'request' | 'response'): Record<string, unknown> {
  const example = examplesOf(version).find((e) => e.action === action && e.kind === kind);
  if (example) return structuredClone(example.payload);
  const pair = schemaSource(version).byAction.get(action);
  const schema = kind === 'request' ? pair?.request : pair?.response;
  if (!schema) throw new Error(`no ${version} ${action} ${kind} schema`);
  return samplePayload(schema) as Record<string, unknown>;
}

/** One connection: frames from each side, a clock that only moves when told. */
class Session {
  readonly conversation: Conversation;
  now = 1_000_000;
  private seq = 0;

  constructor(readonly version: Version, responseTimeoutMs?: number) {
    this.conversation = new Conversation({ version, responseTimeoutMs });
  }

  /** Sends raw text or a frame array (JSON-encoded) in direction `dir`, at the current time (or `at`). */
  send(dir: Direction, frame: unknown[] | string, at?: number): Inspection {
    if (at !== undefined) this.now = at;
    return this.conversation.inspect(dir, typeof frame === 'string' ? frame : JSON.stringify(frame), { now: this.now });
  }

  cs(frame: unknown[] | string, at?: number): Inspection {
    return this.send('cs->csms', frame, at);
  }

  csms(frame: unknown[] | string, at?: number): Inspection {
    return this.send('csms->cs', frame, at);
  }

  nextId(): string {
    return `m${++this.seq}`;
  }

  /** A valid CALL frame for `action`. */
  call(action: string, id = this.nextId(), payload = payloadOf(this.version, action, 'request')): unknown[] {
    return [2, id, action, payload];
  }

  /** A valid CALLRESULT frame answering `action`'s CALL `id`. */
  result(id: string, action: string, payload = payloadOf(this.version, action, 'response')): unknown[] {
    return [3, id, payload];
  }

  /** BootNotification from the station, answered with `status`. */
  boot(status: 'Accepted' | 'Pending' | 'Rejected' = 'Accepted'): this {
    const id = this.nextId();
    expect(this.cs(this.call('BootNotification', id)).findings).to.deep.equal([]);
    const answer = { ...payloadOf(this.version, 'BootNotification', 'response'), status };
    expect(this.csms(this.result(id, 'BootNotification', answer)).findings).to.deep.equal([]);
    expect(this.conversation.bootState).to.equal(status.toLowerCase());
    return this;
  }
}

function rulesOf(i: Inspection): string[] {
  return i.findings.map((f) => f.rule);
}

function findingOf(i: Inspection, rule: RuleCode) {
  const f = i.findings.find((x) => x.rule === rule);
  if (!f) throw new Error(`expected ${rule}, got ${JSON.stringify(i.findings)}`);
  return f;
}

// Every rule block registers the rule and counts its triggering and legal-neighbour tests (at load time).
const coverage = new Map<string, { triggers: number; legal: number }>();
let currentRule: string | undefined;

function rule(code: RuleCode, body: () => void): void {
  describe(code, () => {
    currentRule = code;
    coverage.set(code, { triggers: 0, legal: 0 });
    body();
    currentRule = undefined;
  });
}

function triggers(title: string, fn: () => void): void {
  coverage.get(currentRule!)!.triggers++;
  it(`triggers: ${title}`, fn);
}

function legal(title: string, fn: () => void): void {
  coverage.get(currentRule!)!.legal++;
  it(`legal neighbour: ${title}`, fn);
}

/** Rules no payload can trigger with the official schemas; the test in their block proves it. */
const UNREACHABLE: ReadonlySet<string> = new Set(['schema.other']);

// ---------------------------------------------------------------------------------------------- the rules

describe('conversation rules', () => {
  // ---------------------------------------------------------------------------------------- frame.*
  rule('frame.not-json', () => {
    triggers('a truncated CALL is INVALID and answered with FormatViolation (2.x)', () => {
      const s = new Session('2.0.1').boot();
      const i = s.cs('[2,"h1","Heartbeat",{}');
      expect(i).to.include({ type: 'INVALID', valid: false });
      expect(rulesOf(i)).to.deep.equal(['frame.not-json']);
      expect(i.findings[0].errorCode).to.equal('FormatViolation');
    });
    legal('the same CALL complete', () => {
      const s = new Session('2.0.1').boot();
      expect(s.cs('[2,"h1","Heartbeat",{}]')).to.include({ type: 'CALL', valid: true, action: 'Heartbeat' });
    });
  });

  rule('frame.not-array', () => {
    triggers('a JSON object that looks like a frame', () => {
      expect(rulesOf(new Session('1.6').cs('{"type":2,"id":"1","action":"Heartbeat","payload":{}}'))).to.deep.equal(['frame.not-array']);
    });
    legal('the array form', () => {
      expect(new Session('1.6').boot().cs('[2,"1","Heartbeat",{}]').findings).to.deep.equal([]);
    });
  });

  rule('frame.binary', () => {
    triggers('a binary message, even one holding a valid frame', () => {
      const s = new Session('2.0.1').boot();
      const i = s.conversation.inspect('cs->csms', '[2,"h1","Heartbeat",{}]', { binary: true, now: s.now });
      expect(i).to.include({ type: 'INVALID', valid: false });
      expect(rulesOf(i)).to.deep.equal(['frame.binary']);
      expect(i.findings[0].errorCode).to.equal('FormatViolation');
    });
    legal('the same frame as a text message', () => {
      const s = new Session('2.0.1').boot();
      expect(s.conversation.inspect('cs->csms', '[2,"h1","Heartbeat",{}]', { binary: false, now: s.now }).findings).to.deep.equal([]);
    });
  });

  rule('frame.unknown-type', () => {
    triggers('message type 7, and 1.6 answers with a 1.6 code', () => {
      const i = new Session('1.6').cs('[7,"x1",{}]');
      expect(rulesOf(i)).to.deep.equal(['frame.unknown-type']);
      expect(i.id).to.equal('x1');
      expect(i.findings[0].errorCode).to.equal('FormationViolation');
      expect(findingOf(new Session('2.0.1').cs('[7,"x1",{}]'), 'frame.unknown-type').errorCode).to.equal('MessageTypeNotSupported');
    });
    legal('type 6 on a 1.6 connection is a known type id, reported as rpc.type-not-in-version instead', () => {
      const i = new Session('1.6').boot().cs('[6,"x1","Heartbeat",{}]');
      expect(rulesOf(i)).to.not.include('frame.unknown-type');
      expect(rulesOf(i)).to.include('rpc.type-not-in-version');
    });
  });

  rule('frame.arity', () => {
    triggers('a CALLRESULT without payload; it still ends the CALL it answers', () => {
      const s = new Session('2.0.1').boot();
      s.cs(s.call('Heartbeat', 'h1'));
      const i = s.csms('[3,"h1"]');
      expect(rulesOf(i)).to.deep.equal(['frame.arity']);
      expect(i.id).to.equal('h1');
      // The malformed answer closed h1: the next CALL is not concurrent, and a late proper answer is unknown.
      expect(s.conversation.outstanding('cs')).to.equal(undefined);
      expect(s.cs(s.call('Heartbeat', 'h2')).findings).to.deep.equal([]);
    });
    legal('the same CALLRESULT with its payload', () => {
      const s = new Session('2.0.1').boot();
      s.cs(s.call('Heartbeat', 'h1'));
      expect(s.csms(s.result('h1', 'Heartbeat'))).to.include({ valid: true, action: 'Heartbeat' });
    });
  });

  rule('frame.element-type', () => {
    triggers('a numeric messageId (RpcFrameworkError) and a payload that is an array', () => {
      const s = new Session('2.0.1').boot();
      const a = s.cs('[2,19,"Heartbeat",{}]');
      expect(rulesOf(a)).to.deep.equal(['frame.element-type']);
      expect(a.findings[0].errorCode).to.equal('RpcFrameworkError');
      expect(rulesOf(s.cs('[2,"h9","Heartbeat",[]]'))).to.deep.equal(['frame.element-type']);
    });
    legal('a numeric-looking messageId written as a string', () => {
      expect(new Session('2.0.1').boot().cs('[2,"19","Heartbeat",{}]').findings).to.deep.equal([]);
    });
  });

  rule('frame.message-id-too-long', () => {
    const uuid = 'c0a80101-0000-4000-8000-00000000abcd';
    triggers('37 characters', () => {
      const i = new Session('2.1').boot().cs(`[2,"${uuid}1","Heartbeat",{}]`);
      expect(rulesOf(i)).to.deep.equal(['frame.message-id-too-long']);
      expect(i.valid).to.equal(false);
    });
    legal('exactly 36 characters (a UUID)', () => {
      expect(uuid).to.have.length(36);
      expect(new Session('2.1').boot().cs(`[2,"${uuid}","Heartbeat",{}]`).findings).to.deep.equal([]);
    });
  });

  // --------------------------------------------------------------------------------------- schema.*
  rule('schema.required', () => {
    triggers('a CALL without a required field, 1.6 spelling of the error code', () => {
      const s = new Session('1.6');
      const payload = payloadOf('1.6', 'BootNotification', 'request');
      delete payload.chargePointVendor;
      const i = s.cs(s.call('BootNotification', 'b1', payload));
      expect(i.findings.map((f) => [f.rule, f.path, f.errorCode])).to.deep.equal([['schema.required', '/chargePointVendor', 'OccurenceConstraintViolation']]);
      expect(i.valid).to.equal(false);
    });
    triggers('a CALLRESULT is validated against the response schema of the action it answers', () => {
      const s = new Session('2.0.1');
      s.cs(s.call('BootNotification', 'b1'));
      // A Heartbeat answer does not answer a BootNotification.
      const i = s.csms(s.result('b1', 'Heartbeat'));
      expect(i.action).to.equal('BootNotification');
      expect(i.findings.map((f) => [f.rule, f.path])).to.deep.equal([
        ['schema.required', '/interval'],
        ['schema.required', '/status'],
      ]);
      expect(i.findings[0].message).to.match(/^BootNotificationResponse: /);
    });
    legal('the same Heartbeat answer for a Heartbeat CALL', () => {
      const s = new Session('2.0.1').boot();
      s.cs(s.call('Heartbeat', 'h1'));
      expect(s.csms(s.result('h1', 'Heartbeat'))).to.include({ valid: true, action: 'Heartbeat' });
    });
    legal('an optional field left out', () => {
      const s = new Session('1.6');
      expect(s.cs(s.call('BootNotification', 'b1', { chargePointVendor: 'Voltiq', chargePointModel: 'WB-22' })).findings).to.deep.equal([]);
    });
  });

  rule('schema.additional-property', () => {
    triggers('an extra field in a 2.0.1 request', () => {
      const s = new Session('2.0.1').boot();
      const payload = { ...payloadOf('2.0.1', 'StatusNotification', 'request'), colour: 'red' };
      expect(s.cs(s.call('StatusNotification', 'x', payload)).findings.map((f) => [f.rule, f.path, f.errorCode])).to.deep.equal([['schema.additional-property', '/colour', 'FormatViolation']]);
    });
    legal('the same field inside customData', () => {
      const s = new Session('2.0.1').boot();
      const payload = { ...payloadOf('2.0.1', 'StatusNotification', 'request'), customData: { vendorId: 'com.voltiq', colour: 'red' } };
      expect(s.cs(s.call('StatusNotification', 'x', payload)).findings).to.deep.equal([]);
    });
  });

  rule('schema.type', () => {
    triggers('connectorId as a string', () => {
      const s = new Session('1.6').boot();
      const payload = { ...payloadOf('1.6', 'StatusNotification', 'request'), connectorId: '1' };
      expect(s.cs(s.call('StatusNotification', 'x', payload)).findings.map((f) => [f.rule, f.path, f.errorCode])).to.deep.equal([['schema.type', '/connectorId', 'TypeConstraintViolation']]);
    });
    legal('connectorId as an integer', () => {
      const s = new Session('1.6').boot();
      expect(s.cs(s.call('StatusNotification', 'x', { ...payloadOf('1.6', 'StatusNotification', 'request'), connectorId: 1 })).findings).to.deep.equal([]);
    });
  });

  rule('schema.enum', () => {
    triggers('a 2.0.1 connector status spelled the 1.6 way', () => {
      const s = new Session('2.0.1').boot();
      const payload = { ...payloadOf('2.0.1', 'StatusNotification', 'request'), connectorStatus: 'Charging' };
      expect(s.cs(s.call('StatusNotification', 'x', payload)).findings.map((f) => [f.rule, f.path])).to.deep.equal([['schema.enum', '/connectorStatus']]);
    });
    legal('the 2.0.1 value', () => {
      const s = new Session('2.0.1').boot();
      expect(s.cs(s.call('StatusNotification', 'x', { ...payloadOf('2.0.1', 'StatusNotification', 'request'), connectorStatus: 'Occupied' })).findings).to.deep.equal([]);
    });
  });

  rule('schema.format', () => {
    triggers('a timestamp without a time zone and one in a local format', () => {
      const s = new Session('2.1').boot();
      for (const timestamp of ['14/03/2025 09:26', '2025-03-14 09:26:53', '2025-03-14T09:26:53']) {
        const id = s.nextId();
        const payload = { ...payloadOf('2.1', 'StatusNotification', 'request'), timestamp };
        expect(s.cs(s.call('StatusNotification', id, payload)).findings.map((f) => [f.rule, f.path]), timestamp).to.deep.equal([['schema.format', '/timestamp']]);
        s.csms(s.result(id, 'StatusNotification'));
      }
    });
    legal('RFC 3339 with Z, with an offset, with and without fractions', () => {
      for (const timestamp of ['2025-03-14T09:26:53Z', '2025-03-14T10:26:53+01:00', '2025-03-14T09:26:53.123456Z']) {
        const s = new Session('2.1').boot();
        expect(s.cs(s.call('StatusNotification', 'x', { ...payloadOf('2.1', 'StatusNotification', 'request'), timestamp })).findings, timestamp).to.deep.equal([]);
      }
    });
  });

  rule('schema.length', () => {
    triggers('a 1.6 chargePointModel of 21 characters (CiString20)', () => {
      const s = new Session('1.6');
      const i = s.cs(s.call('BootNotification', 'b1', { chargePointVendor: 'Voltiq', chargePointModel: 'M'.repeat(21) }));
      expect(i.findings.map((f) => [f.rule, f.path, f.errorCode])).to.deep.equal([['schema.length', '/chargePointModel', 'PropertyConstraintViolation']]);
    });
    legal('exactly 20 characters', () => {
      const s = new Session('1.6');
      expect(s.cs(s.call('BootNotification', 'b1', { chargePointVendor: 'Voltiq', chargePointModel: 'M'.repeat(20) })).findings).to.deep.equal([]);
    });
  });

  rule('schema.range', () => {
    triggers('a negative evseId in 2.1 (minimum 0), and a 1.6 limit with two decimals (multipleOf 0.1)', () => {
      const s = new Session('2.1').boot();
      const payload = { ...payloadOf('2.1', 'StatusNotification', 'request'), evseId: -1 };
      expect(s.cs(s.call('StatusNotification', 'x', payload)).findings.map((f) => [f.rule, f.path])).to.deep.equal([['schema.range', '/evseId']]);

      const s16 = new Session('1.6').boot();
      const profile = payloadOf('1.6', 'SetChargingProfile', 'request');
      (profile.csChargingProfiles as { chargingSchedule: { minChargingRate: number } }).chargingSchedule.minChargingRate = 6.05;
      expect(s16.csms(s16.call('SetChargingProfile', 'p1', profile)).findings.map((f) => [f.rule, f.path])).to.deep.equal([['schema.range', '/csChargingProfiles/chargingSchedule/minChargingRate']]);
    });
    legal('evseId 0 (the whole station) and a one-decimal limit', () => {
      const s = new Session('2.1').boot();
      expect(s.cs(s.call('StatusNotification', 'x', { ...payloadOf('2.1', 'StatusNotification', 'request'), evseId: 0 })).findings).to.deep.equal([]);
      const s16 = new Session('1.6').boot();
      expect(s16.csms(s16.call('SetChargingProfile', 'p1')).findings).to.deep.equal([]);
    });
  });

  rule('schema.items', () => {
    triggers('GetVariables with an empty getVariableData (minItems 1)', () => {
      const s = new Session('2.0.1').boot();
      const i = s.csms(s.call('GetVariables', 'g1', { getVariableData: [] }));
      expect(i.findings.map((f) => [f.rule, f.path, f.errorCode])).to.deep.equal([['schema.items', '/getVariableData', 'OccurrenceConstraintViolation']]);
    });
    legal('one entry', () => {
      const s = new Session('2.0.1').boot();
      expect(s.csms(s.call('GetVariables', 'g1')).findings).to.deep.equal([]);
    });
  });

  rule('schema.other', () => {
    // Every validation keyword the official schemas use maps to a specific rule; schema.other is the fallback
    // for a keyword that a future schema set might bring (pattern, anyOf, ...).
    const SPECIFIC = new Set(['type', 'enum', 'const', 'required', 'additionalProperties', 'format', 'maxLength', 'minLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems']);
    const ANNOTATIONS = new Set(['$schema', '$id', 'id', '$comment', 'comment', 'title', 'description', 'javaType', 'default', 'definitions', 'properties', '$ref', 'items', 'additionalItems']);
    it('is unreachable with the official schemas: they use no keyword outside the specific rules', () => {
      const other = new Set<string>();
      const walk = (node: unknown, container?: string): void => {
        if (Array.isArray(node)) return node.forEach((n) => walk(n));
        if (typeof node !== 'object' || node === null) return;
        for (const [k, v] of Object.entries(node)) {
          if (container === 'properties' || container === 'definitions') {
            walk(v);
            continue;
          }
          if (!SPECIFIC.has(k) && !ANNOTATIONS.has(k)) other.add(k);
          if (k !== 'enum' && k !== 'required' && k !== 'const' && k !== 'default') walk(v, k);
        }
      };
      for (const version of ['1.6', '2.0.1', '2.1'] as const) {
        for (const pair of schemaSource(version).byAction.values()) {
          walk(pair.request);
          walk(pair.response);
        }
      }
      expect([...other]).to.deep.equal([]);
    });
    legal('the specific keywords produce their own rules, never schema.other', () => {
      const s = new Session('2.0.1').boot();
      const payload = { ...payloadOf('2.0.1', 'StatusNotification', 'request'), evseId: 'one', connectorStatus: 'Charging', extra: 1 };
      delete (payload as Record<string, unknown>).timestamp;
      const found = rulesOf(s.cs(s.call('StatusNotification', 'x', payload)));
      expect(found).to.have.members(['schema.type', 'schema.enum', 'schema.additional-property', 'schema.required']);
      expect(found).to.not.include('schema.other');
    });
  });

  // ------------------------------------------------------------------------------------------ rpc.*
  rule('rpc.unknown-action', () => {
    triggers('an action no version has, and a 2.0.1 action on a 1.6 connection; answered with NotImplemented, no schema check', () => {
      const s = new Session('1.6').boot();
      for (const action of ['FooBar', 'TransactionEvent']) {
        const i = s.cs([2, s.nextId(), action, { anything: true }]);
        expect(rulesOf(i), action).to.deep.equal(['rpc.unknown-action']);
        expect(i.findings[0].errorCode).to.equal('NotImplemented');
        expect(i.findings[0].message).to.equal(`"${action}" is not an OCPP 1.6 action.`);
        s.csms([4, i.id, 'NotImplemented', '', {}]);
      }
    });
    legal('the 1.6 counterpart StartTransaction', () => {
      const s = new Session('1.6').boot();
      expect(s.cs(s.call('StartTransaction')).findings).to.deep.equal([]);
    });
  });

  rule('rpc.wrong-direction', () => {
    triggers('BootNotification sent by the CSMS, GetVariables by the station', () => {
      const s = new Session('2.0.1').boot();
      const boot = s.csms(s.call('BootNotification'));
      expect(rulesOf(boot)).to.deep.equal(['rpc.wrong-direction']);
      expect(boot.findings[0].message).to.equal('BootNotification was sent by the CSMS, but in OCPP 2.0.1 only the charging station sends it.');
      expect(rulesOf(s.cs(s.call('GetVariables')))).to.deep.equal(['rpc.wrong-direction']);
    });
    legal('DataTransfer, which both sides may send', () => {
      const s = new Session('2.0.1').boot();
      const fromCs = s.cs(s.call('DataTransfer', 'd1'));
      expect(fromCs.findings).to.deep.equal([]);
      expect(s.csms(s.call('DataTransfer', 'd2')).findings).to.deep.equal([]);
    });
  });

  rule('rpc.send-not-confirmable', () => {
    const stream = () => payloadOf('2.1', 'NotifyPeriodicEventStream', 'request');
    triggers('2.1 NotifyPeriodicEventStream as a CALL, Heartbeat as a SEND', () => {
      const s = new Session('2.1').boot();
      const asCall = s.cs([2, 'n1', 'NotifyPeriodicEventStream', stream()]);
      expect(rulesOf(asCall)).to.deep.equal(['rpc.send-not-confirmable']);
      expect(asCall.findings[0].errorCode).to.equal('ProtocolError');
      s.csms([4, 'n1', 'ProtocolError', '', {}]);
      expect(rulesOf(s.cs([6, 'n2', 'Heartbeat', {}]))).to.deep.equal(['rpc.send-not-confirmable']);
    });
    legal('NotifyPeriodicEventStream as a SEND in 2.1, and Heartbeat as a CALL', () => {
      const s = new Session('2.1').boot();
      const send = s.cs([6, 'n1', 'NotifyPeriodicEventStream', stream()]);
      expect(send).to.include({ type: 'SEND', valid: true, action: 'NotifyPeriodicEventStream' });
      expect(send.findings).to.deep.equal([]);
      expect(s.cs(s.call('Heartbeat')).findings).to.deep.equal([]);
    });
  });

  rule('rpc.type-not-in-version', () => {
    triggers('a SEND in 2.0.1 (which also has no NotifyPeriodicEventStream)', () => {
      const s = new Session('2.0.1').boot();
      const i = s.cs([6, 'n1', 'NotifyPeriodicEventStream', payloadOf('2.1', 'NotifyPeriodicEventStream', 'request')]);
      expect(rulesOf(i)).to.deep.equal(['rpc.type-not-in-version', 'rpc.unknown-action']);
      expect(i.findings[0].errorCode).to.equal('MessageTypeNotSupported');
      expect(i.valid).to.equal(false);
    });
    triggers('a SEND of a 1.6 action in 1.6, and a CALLRESULTERROR in 1.6 and 2.0.1', () => {
      const s16 = new Session('1.6').boot();
      expect(rulesOf(s16.cs([6, 'h1', 'Heartbeat', {}]))).to.deep.equal(['rpc.type-not-in-version']);
      for (const version of ['1.6', '2.0.1'] as const) {
        const s = new Session(version).boot();
        s.cs(s.call('Heartbeat', 'h1'));
        s.csms(s.result('h1', 'Heartbeat'));
        expect(rulesOf(s.cs([5, 'h1', 'GenericError', 'bad answer', {}])), version).to.deep.equal(['rpc.type-not-in-version']);
      }
    });
    legal('a CALLRESULTERROR in 2.1 about the answer to its own CALL', () => {
      const s = new Session('2.1').boot();
      s.cs(s.call('Heartbeat', 'h1'));
      s.csms(s.result('h1', 'Heartbeat'));
      const i = s.cs([5, 'h1', 'FormatViolation', 'currentTime unreadable', {}]);
      expect(i).to.include({ type: 'CALLRESULTERROR', valid: true });
      expect(i.findings).to.deep.equal([]);
    });
  });

  rule('rpc.unknown-id', () => {
    triggers('a CALLRESULT for an id nobody sent', () => {
      const s = new Session('2.0.1').boot();
      const i = s.csms(s.result('nobody', 'Heartbeat'));
      expect(rulesOf(i)).to.deep.equal(['rpc.unknown-id']);
      expect(i.findings[0].message).to.equal('CALLRESULT for messageId "nobody", which matches no outstanding CALL of the charging station.');
      expect(i.action).to.equal(undefined);
    });
    triggers('an answer from the side that made the CALL, and a second answer to the same CALL', () => {
      const s = new Session('2.0.1').boot();
      s.cs(s.call('Heartbeat', 'h1'));
      expect(rulesOf(s.cs(s.result('h1', 'Heartbeat'))), 'the station answering its own CALL').to.deep.equal(['rpc.unknown-id']);
      expect(s.csms(s.result('h1', 'Heartbeat')).findings).to.deep.equal([]);
      expect(rulesOf(s.csms(s.result('h1', 'Heartbeat'))), 'answered twice').to.deep.equal(['rpc.unknown-id']);
    });
    triggers('a CALLRESULTERROR (2.1) for an id the sender never used for a CALL', () => {
      const s = new Session('2.1').boot();
      expect(rulesOf(s.cs([5, 'never', 'GenericError', '', {}]))).to.deep.equal(['rpc.unknown-id']);
    });
    legal('a CALLERROR with id "-1": the answer to a frame whose id could not be read', () => {
      const s = new Session('2.0.1').boot();
      s.cs('[2,19,"Heartbeat",{}]');
      const i = s.csms([4, '-1', 'RpcFrameworkError', 'messageId is not a string', {}]);
      expect(i).to.include({ type: 'CALLERROR', valid: true });
      expect(i.findings).to.deep.equal([]);
    });
    legal('a CALLERROR that answers an outstanding CALL', () => {
      const s = new Session('2.0.1').boot();
      s.csms(s.call('Reset', 'r1', { type: 'Immediate' }));
      const i = s.cs([4, 'r1', 'NotSupported', 'no immediate reset while charging', {}]);
      expect(i).to.include({ valid: true, action: 'Reset' });
      expect(i.findings).to.deep.equal([]);
    });
  });

  rule('rpc.concurrent-call', () => {
    triggers('2.0.1: a second CALL while the first is unanswered is an error (SHALL NOT)', () => {
      const s = new Session('2.0.1').boot();
      s.cs(s.call('Heartbeat', 'h1'), s.now);
      const i = s.cs(s.call('StatusNotification', 's1'), s.now + 500);
      expect(i.findings.map((f) => [f.rule, f.severity])).to.deep.equal([['rpc.concurrent-call', 'error']]);
      expect(i.valid).to.equal(false);
      expect(i.findings[0].message).to.equal('A second CALL (StatusNotification) while Heartbeat "h1" of the same side is unanswered for 500 ms and not timed out (SHALL NOT).');
    });
    triggers('1.6: the same is a warning (SHOULD NOT) and the frame stays valid', () => {
      const s = new Session('1.6').boot();
      s.cs(s.call('Heartbeat', 'h1'));
      const i = s.cs(s.call('StatusNotification', 's1'), s.now + 10);
      expect(i.findings.map((f) => [f.rule, f.severity])).to.deep.equal([['rpc.concurrent-call', 'warning']]);
      expect(i.valid).to.equal(true);
      expect(i.findings[0].message).to.include('(SHOULD NOT)');
    });
    triggers('2.1: also an error, for the CSMS as for the station', () => {
      const s = new Session('2.1').boot();
      s.csms(s.call('GetVariables', 'g1'));
      expect(findingOf(s.csms(s.call('Reset', 'r1', { type: 'OnIdle' })), 'rpc.concurrent-call').severity).to.equal('error');
    });
    legal('a second CALL after the first timed out', () => {
      const s = new Session('2.0.1', 30_000).boot();
      s.cs(s.call('Heartbeat', 'h1'), 0);
      expect(s.cs(s.call('Heartbeat', 'h2'), 30_001).findings).to.deep.equal([]);
    });
    legal('a second CALL right at the timeout as seen here: the sender started its clock before the CALL got here', () => {
      const s = new Session('2.0.1', 3000).boot();
      s.cs(s.call('TransactionEvent', 't1', payloadOf('2.0.1', 'TransactionEvent', 'request')), 0);
      expect(s.cs(s.call('Heartbeat', 'h1'), 2900).findings).to.deep.equal([]);
    });
    triggers('a second CALL well before the timeout', () => {
      const s = new Session('2.0.1', 3000).boot();
      s.cs(s.call('Heartbeat', 'h1'), 0);
      expect(rulesOf(s.cs(s.call('Heartbeat', 'h2'), 2500))).to.deep.equal(['rpc.concurrent-call']);
    });
    legal('a second CALL once the first was answered, by a CALLRESULT or a CALLERROR', () => {
      const s = new Session('2.0.1').boot();
      s.cs(s.call('Heartbeat', 'h1'));
      s.csms(s.result('h1', 'Heartbeat'));
      expect(s.cs(s.call('Heartbeat', 'h2')).findings).to.deep.equal([]);
      s.csms([4, 'h2', 'InternalError', '', {}]);
      expect(s.cs(s.call('Heartbeat', 'h3')).findings).to.deep.equal([]);
    });
    legal('the CSMS may have a CALL outstanding while the station has one', () => {
      const s = new Session('2.0.1').boot();
      expect(s.cs(s.call('Heartbeat', 'h1')).findings).to.deep.equal([]);
      expect(s.csms(s.call('GetVariables', 'g1')).findings).to.deep.equal([]);
      expect(s.conversation.outstanding('cs')).to.include({ id: 'h1', action: 'Heartbeat' });
      expect(s.conversation.outstanding('csms')).to.include({ id: 'g1', action: 'GetVariables' });
      // Both answers cross: each matches its own side's CALL.
      expect(s.cs(s.result('g1', 'GetVariables'))).to.include({ valid: true, action: 'GetVariables' });
      expect(s.csms(s.result('h1', 'Heartbeat'))).to.include({ valid: true, action: 'Heartbeat' });
    });
    legal('2.1: a SEND while a CALL is outstanding (a SEND expects no answer)', () => {
      const s = new Session('2.1').boot();
      s.cs(s.call('Heartbeat', 'h1'));
      expect(s.cs([6, 'n1', 'NotifyPeriodicEventStream', payloadOf('2.1', 'NotifyPeriodicEventStream', 'request')]).findings).to.deep.equal([]);
      expect(s.cs(s.call('Heartbeat', 'h2')).findings.map((f) => f.rule), 'the SEND did not end h1').to.deep.equal(['rpc.concurrent-call']);
    });
  });

  rule('rpc.duplicate-id', () => {
    triggers('a CALL with the id of the same side’s outstanding CALL', () => {
      const s = new Session('2.0.1').boot();
      s.cs(s.call('Heartbeat', 'same'));
      const i = s.cs(s.call('StatusNotification', 'same'));
      expect(rulesOf(i)).to.deep.equal(['rpc.duplicate-id']);
      expect(i.findings[0]).to.include({ severity: 'error', errorCode: 'RpcFrameworkError' });
    });
    legal('the other side using the same id for its own CALL', () => {
      const s = new Session('2.0.1').boot();
      s.cs(s.call('Heartbeat', 'same'));
      expect(s.csms(s.call('GetVariables', 'same')).findings).to.deep.equal([]);
      expect(s.csms(s.result('same', 'Heartbeat'))).to.include({ action: 'Heartbeat', valid: true });
      expect(s.cs(s.result('same', 'GetVariables'))).to.include({ action: 'GetVariables', valid: true });
    });
  });

  rule('rpc.reused-id', () => {
    triggers('a CALL reusing the id of an answered CALL of the same side: a warning', () => {
      const s = new Session('2.0.1').boot();
      s.cs(s.call('Heartbeat', 'h1'));
      s.csms(s.result('h1', 'Heartbeat'));
      const i = s.cs(s.call('Heartbeat', 'h1'));
      expect(i.findings.map((f) => [f.rule, f.severity])).to.deep.equal([['rpc.reused-id', 'warning']]);
      expect(i.valid).to.equal(true);
    });
    legal('a fresh id, and an id the other side used before', () => {
      const s = new Session('2.0.1').boot();
      s.csms(s.call('GetVariables', 'x1'));
      s.cs(s.result('x1', 'GetVariables'));
      expect(s.cs(s.call('Heartbeat', 'x2')).findings).to.deep.equal([]);
      s.csms(s.result('x2', 'Heartbeat'));
      expect(s.cs(s.call('Heartbeat', 'x1')).findings).to.deep.equal([]);
    });
    legal('an id last used 32 CALLs ago or more (only the recent ones are remembered)', () => {
      const s = new Session('2.0.1').boot();
      const exchange = (id: string) => {
        const i = s.cs(s.call('Heartbeat', id));
        s.csms(s.result(id, 'Heartbeat'));
        return i.findings.map((f) => f.rule);
      };
      exchange('old');
      for (let n = 0; n < 31; n++) exchange(`n${n}`);
      expect(exchange('old'), 'still among the last 32').to.deep.equal(['rpc.reused-id']);
      for (let n = 31; n < 63; n++) exchange(`n${n}`);
      expect(exchange('old'), 'both of its uses have left the window').to.deep.equal([]);
    });
  });

  rule('rpc.unknown-error-code', () => {
    triggers('a 2.x code in 1.6 and a 1.6 spelling in 2.0.1', () => {
      const pairs: Array<[Version, string]> = [
        ['1.6', 'FormatViolation'],
        ['1.6', 'RpcFrameworkError'],
        ['2.0.1', 'FormationViolation'],
        ['2.0.1', 'OccurenceConstraintViolation'],
        ['2.1', 'Whatever'],
      ];
      for (const [version, code] of pairs) {
        const s = new Session(version).boot();
        s.cs(s.call('Heartbeat', 'h1'));
        const i = s.csms([4, 'h1', code, '', {}]);
        expect(rulesOf(i), `${version} ${code}`).to.deep.equal(['rpc.unknown-error-code']);
        expect(i.findings[0].message).to.equal(`"${code}" is not an OCPP ${version} error code.`);
      }
    });
    legal('the version-correct spellings', () => {
      const pairs: Array<[Version, string]> = [
        ['1.6', 'FormationViolation'],
        ['1.6', 'OccurenceConstraintViolation'],
        ['2.0.1', 'FormatViolation'],
        ['2.0.1', 'OccurrenceConstraintViolation'],
        ['2.1', 'MessageTypeNotSupported'],
      ];
      for (const [version, code] of pairs) {
        const s = new Session(version).boot();
        s.cs(s.call('Heartbeat', 'h1'));
        expect(s.csms([4, 'h1', code, '', {}]).findings, `${version} ${code}`).to.deep.equal([]);
      }
    });
  });

  rule('rpc.late-response', () => {
    triggers('an answer 1 ms after the timeout: a warning, the frame stays valid and the answer is still matched', () => {
      const s = new Session('2.0.1', 30_000).boot();
      s.cs(s.call('Heartbeat', 'h1'), 0);
      const i = s.csms(s.result('h1', 'Heartbeat'), 30_001);
      expect(i.findings.map((f) => [f.rule, f.severity])).to.deep.equal([['rpc.late-response', 'warning']]);
      expect(i).to.include({ valid: true, action: 'Heartbeat', latencyMs: 30_001 });
    });
    triggers('a late answer after the sender moved on to its next CALL is still late, not unknown', () => {
      const s = new Session('2.0.1', 30_000).boot();
      s.cs(s.call('Heartbeat', 'h1'), 0);
      expect(s.cs(s.call('Heartbeat', 'h2'), 31_000).findings).to.deep.equal([]);
      const late = s.csms(s.result('h1', 'Heartbeat'), 31_500);
      expect(late.findings.map((f) => [f.rule, f.severity])).to.deep.equal([['rpc.late-response', 'warning']]);
      expect(late).to.include({ action: 'Heartbeat', latencyMs: 31_500 });
      expect(s.csms(s.result('h2', 'Heartbeat'), 31_600).findings).to.deep.equal([]);
    });
    triggers('the default timeout is 30 s', () => {
      expect(DEFAULT_RESPONSE_TIMEOUT_MS).to.equal(30_000);
      const s = new Session('1.6').boot();
      s.cs(s.call('Heartbeat', 'h1'), 0);
      expect(rulesOf(s.csms(s.result('h1', 'Heartbeat'), 30_001))).to.deep.equal(['rpc.late-response']);
    });
    legal('an answer exactly at the timeout, and one with a longer configured timeout', () => {
      const s = new Session('2.0.1', 30_000).boot();
      s.cs(s.call('Heartbeat', 'h1'), 0);
      expect(s.csms(s.result('h1', 'Heartbeat'), 30_000)).to.include({ valid: true, latencyMs: 30_000 });
      expect(s.conversation.responseTimeoutMs).to.equal(30_000);

      const patient = new Session('2.0.1', 120_000).boot();
      patient.cs(patient.call('Heartbeat', 'h1'), 0);
      expect(patient.csms(patient.result('h1', 'Heartbeat'), 90_000).findings).to.deep.equal([]);
    });
  });

  rule('rpc.before-boot', () => {
    triggers('no BootNotification seen on this connection: a warning, the frame stays valid', () => {
      const s = new Session('2.0.1');
      expect(s.conversation.bootState).to.equal('unknown');
      const i = s.cs(s.call('Heartbeat'));
      expect(i.findings.map((f) => [f.rule, f.severity])).to.deep.equal([['rpc.before-boot', 'warning']]);
      expect(i.valid).to.equal(true);
    });
    triggers('after a Rejected boot: an error', () => {
      const s = new Session('2.0.1').boot('Rejected');
      const i = s.cs(s.call('StatusNotification'));
      expect(i.findings.map((f) => [f.rule, f.severity])).to.deep.equal([['rpc.before-boot', 'error']]);
      expect(i.valid).to.equal(false);
    });
    triggers('after a Pending boot: a warning (the CSMS may have asked for it)', () => {
      const s = new Session('1.6').boot('Pending');
      expect(s.cs(s.call('StatusNotification')).findings.map((f) => [f.rule, f.severity])).to.deep.equal([['rpc.before-boot', 'warning']]);
    });
    triggers('while the BootNotification is still unanswered: an error', () => {
      const s = new Session('2.1');
      s.cs(s.call('BootNotification', 'b1'));
      expect(s.conversation.bootState).to.equal('awaiting');
      const i = s.cs(s.call('Heartbeat'));
      expect(i.findings.find((f) => f.rule === 'rpc.before-boot')?.severity).to.equal('error');
    });
    legal('after an Accepted boot, and a new BootNotification after a Rejected one', () => {
      expect(new Session('2.0.1').boot('Accepted').cs('[2,"h1","Heartbeat",{}]').findings).to.deep.equal([]);
      const s = new Session('2.0.1').boot('Rejected');
      s.boot('Accepted');
      expect(s.cs(s.call('Heartbeat')).findings).to.deep.equal([]);
    });
    legal('the CSMS may send CALLs before the boot (e.g. TriggerMessage while Pending)', () => {
      const s = new Session('2.0.1').boot('Pending');
      expect(s.csms(s.call('TriggerMessage', 't1', { requestedMessage: 'BootNotification' })).findings).to.deep.equal([]);
      expect(s.cs(s.result('t1', 'TriggerMessage')).findings).to.deep.equal([]);
    });
  });
});

describe('conversation rule coverage', () => {
  it('every frame., schema. and rpc. rule of rules.ts has a triggering test and a legal-neighbour test here', () => {
    // frame.invalid-utf8 needs the message's bytes, which only the proxy sees: test/integration/proxy-hostile.test.ts.
    const expected = Object.keys(RULES).filter((code) => /^(frame|schema|rpc)\./.test(code) && code !== 'frame.invalid-utf8');
    const missing = expected.filter((code) => {
      const c = coverage.get(code);
      return !c || (c.triggers === 0 && !UNREACHABLE.has(code)) || c.legal === 0;
    });
    expect(missing, 'rules without both kinds of test').to.deep.equal([]);
    expect([...coverage.keys()].filter((code) => !expected.includes(code)), 'tested codes that rules.ts does not define').to.deep.equal([]);
  });
});

describe('conversation bookkeeping', () => {
  it('a response reports the action and the latency of the CALL it answers', () => {
    const s = new Session('2.0.1').boot();
    s.cs(s.call('Authorize', 'a1'), 5_000);
    const i = s.csms(s.result('a1', 'Authorize'), 5_120);
    expect(i).to.include({ type: 'CALLRESULT', id: 'a1', action: 'Authorize', latencyMs: 120, valid: true });
  });

  it('outstanding() shows the oldest unanswered CALL of a side and forgets it once answered', () => {
    const s = new Session('2.0.1').boot();
    expect(s.conversation.outstanding('cs')).to.equal(undefined);
    s.cs(s.call('Heartbeat', 'h1'), 7);
    expect(s.conversation.outstanding('cs')).to.deep.equal({ id: 'h1', action: 'Heartbeat', at: 7 });
    s.csms(s.result('h1', 'Heartbeat'));
    expect(s.conversation.outstanding('cs')).to.equal(undefined);
  });

  it('a realistic 1.6 session from boot to stop has no findings', () => {
    const s = new Session('1.6');
    const flow: Array<[Direction, string]> = [
      ['cs->csms', 'BootNotification'],
      ['cs->csms', 'StatusNotification'],
      ['cs->csms', 'Authorize'],
      ['cs->csms', 'StartTransaction'],
      ['cs->csms', 'MeterValues'],
      ['csms->cs', 'GetConfiguration'],
      ['cs->csms', 'StopTransaction'],
      ['cs->csms', 'Heartbeat'],
    ];
    for (const [dir, action] of flow) {
      const id = s.nextId();
      const call = s.send(dir, s.call(action, id), s.now + 1000);
      expect(call.findings, `${action} CALL`).to.deep.equal([]);
      const answer = s.send(dir === 'cs->csms' ? 'csms->cs' : 'cs->csms', s.result(id, action), s.now + 40);
      expect(answer.findings, `${action} CALLRESULT`).to.deep.equal([]);
      expect(answer).to.include({ action, latencyMs: 40 });
    }
  });

  it('a realistic 2.0.1 and 2.1 session (TransactionEvent Started/Updated/Ended) has no findings', () => {
    for (const version of ['2.0.1', '2.1'] as const) {
      const s = new Session(version).boot();
      const events = examplesOf(version).filter((e) => e.action === 'TransactionEvent' && e.kind === 'request');
      expect(events.map((e) => e.payload.eventType)).to.deep.equal(['Started', 'Updated', 'Ended']);
      for (const e of events) {
        const id = s.nextId();
        expect(s.cs(s.call('TransactionEvent', id, structuredClone(e.payload)), s.now + 1000).findings, `${version} ${e.name}`).to.deep.equal([]);
        expect(s.csms(s.result(id, 'TransactionEvent'), s.now + 30).findings).to.deep.equal([]);
      }
    }
  });
});

describe('answers to malformed requests and failed boots', () => {
  it('a CALLERROR answering a malformed CALL with a readable id is not rpc.unknown-id', () => {
    const s = new Session('2.0.1').boot();
    expect(s.cs('[2,"bad1","Heartbeat",[]]').valid).to.equal(false);
    const answer = s.csms([4, 'bad1', 'FormatViolation', 'payload must be an object', {}]);
    expect(answer.findings).to.deep.equal([]);
  });

  it('a CALLERROR answering an unknown message type with its id is not rpc.unknown-id', () => {
    const s = new Session('2.0.1').boot();
    s.cs('[7,"odd1","Heartbeat",{}]');
    expect(s.csms([4, 'odd1', 'MessageTypeNotSupported', '', {}]).findings).to.deep.equal([]);
  });

  it('a second CALLERROR for the same malformed id is rpc.unknown-id again', () => {
    const s = new Session('2.0.1').boot();
    s.cs('[2,"bad2","Heartbeat",[]]');
    s.csms([4, 'bad2', 'FormatViolation', '', {}]);
    expect(rulesOf(s.csms([4, 'bad2', 'FormatViolation', '', {}]))).to.deep.equal(['rpc.unknown-id']);
  });

  it('a BootNotification answered with a CALLERROR leaves the boot undecided: later CALLs are warnings, not errors', () => {
    const s = new Session('2.0.1');
    s.cs(s.call('BootNotification', 'b1'));
    s.csms([4, 'b1', 'InternalError', '', {}]);
    expect(s.conversation.bootState).to.equal('unknown');
    const hb = s.cs(s.call('Heartbeat', 'h1'));
    expect(findingOf(hb, 'rpc.before-boot').severity).to.equal('warning');
    expect(hb.valid).to.equal(true);
  });
});
