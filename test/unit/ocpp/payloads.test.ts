import { expect } from 'chai';
import { actionInfo, actionsOf } from '../../../src/ocpp/actions.js';
import { errorCodesOf } from '../../../src/ocpp/error-codes.js';
import { schemaSource } from '../../../src/ocpp/schema-sources.js';
import { messageLabel, validatePayload, type MessageKind } from '../../../src/ocpp/schema-validator.js';
import { VERSIONS } from '../../../src/ocpp/versions.js';
import type { Finding, Version } from '../../../src/types.js';
import { examplesOf, exampleOf } from '../../helpers/realistic-payloads.js';
import { mutationsOf, samplePayload, type Mutation, type MutationKind } from '../../helpers/sample-payload.js';

/**
 * Payload validation against the official schemas, for every action of every version: generated valid samples
 * pass, generated single-fault mutants fail with the right rule at the right JSON pointer; hand-written realistic
 * payloads pass; and the known quirks of the schemas behave as the specifications' editions publish them.
 */

const KINDS: MutationKind[] = ['required', 'enum', 'type', 'additional-property', 'format'];

/** The CALLERROR code a receiver answers each kind of schema violation with, per version (OCPP-J 1.6 §4.2.3; 2.0.1 Part 4 §4.3). */
const EXPECTED_ERROR_CODE: Record<MutationKind, Record<Version, string>> = {
  required: { '1.6': 'OccurenceConstraintViolation', '2.0.1': 'OccurrenceConstraintViolation', '2.1': 'OccurrenceConstraintViolation' },
  enum: { '1.6': 'PropertyConstraintViolation', '2.0.1': 'PropertyConstraintViolation', '2.1': 'PropertyConstraintViolation' },
  type: { '1.6': 'TypeConstraintViolation', '2.0.1': 'TypeConstraintViolation', '2.1': 'TypeConstraintViolation' },
  'additional-property': { '1.6': 'FormationViolation', '2.0.1': 'FormatViolation', '2.1': 'FormatViolation' },
  format: { '1.6': 'PropertyConstraintViolation', '2.0.1': 'PropertyConstraintViolation', '2.1': 'PropertyConstraintViolation' },
};

/** Kinds whose mutant breaks exactly one keyword; a wrong type or enum value may also break a sibling keyword at the same path. */
const EXACTLY_ONE: ReadonlySet<MutationKind> = new Set(['required', 'additional-property', 'format']);

function kindsOf(version: Version, action: string): MessageKind[] {
  return actionInfo(version, action)?.sendOnly ? ['request'] : ['request', 'response'];
}

function schemaOf(version: Version, action: string, kind: MessageKind): object {
  const pair = schemaSource(version).byAction.get(action);
  const schema = kind === 'request' ? pair?.request : pair?.response;
  if (!schema) throw new Error(`no ${kind} schema for ${version} ${action}`);
  return schema;
}

function brief(findings: Finding[]): string {
  return JSON.stringify(findings.map((f) => [f.rule, f.path]));
}

/** Checks one mutant; returns what is wrong with the validator's answer, or undefined when it is right. */
function problemWith(version: Version, action: string, kind: MessageKind, m: Mutation): string | undefined {
  const findings = validatePayload(version, action, kind, m.payload);
  const label = messageLabel(version, action, kind);
  const hit = findings.find((f) => f.rule === m.rule && f.path === m.path);
  if (!hit) return `${label} ${m.description}: expected ${m.rule} at ${m.path}, got ${brief(findings)}`;
  if (findings.some((f) => f.path !== m.path)) return `${label} ${m.description}: findings outside ${m.path}: ${brief(findings)}`;
  if (EXACTLY_ONE.has(m.kind) && findings.length !== 1) return `${label} ${m.description}: expected exactly one finding, got ${brief(findings)}`;
  if (findings.some((f) => f.severity !== 'error')) return `${label} ${m.description}: schema findings must be errors`;
  if (hit.errorCode !== EXPECTED_ERROR_CODE[m.kind][version]) return `${label} ${m.description}: errorCode ${hit.errorCode}, expected ${EXPECTED_ERROR_CODE[m.kind][version]}`;
  if (!hit.message.startsWith(`${label}: `)) return `${label} ${m.description}: message does not start with the message label: ${hit.message}`;
  const lastField = (m.path.split('/').filter((s) => !/^\d+$/.test(s)).pop() ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
  if (lastField && !hit.message.includes(lastField)) return `${label} ${m.description}: message does not name ${lastField}: ${hit.message}`;
  return undefined;
}

describe('payload validation', () => {
  for (const version of VERSIONS) {
    describe(`OCPP ${version}: generated samples and mutants, every action`, () => {
      const totals: Record<MutationKind, number> = { required: 0, enum: 0, type: 0, 'additional-property': 0, format: 0 };

      for (const action of actionsOf(version)) {
        describe(action, () => {
          const kinds = kindsOf(version, action);
          const mutants = kinds.flatMap((kind) => mutationsOf(schemaOf(version, action, kind)).map((m) => ({ kind, m })));
          for (const { m } of mutants) totals[m.kind]++;

          it(`valid ${kinds.join(' and ')} samples (required-only and complete) pass with no findings`, () => {
            for (const kind of kinds) {
              for (const optional of [false, true]) {
                const payload = samplePayload(schemaOf(version, action, kind), { optional });
                expect(validatePayload(version, action, kind, payload), `${kind} sample (optional: ${optional}): ${JSON.stringify(payload)}`).to.deep.equal([]);
              }
            }
          });

          for (const mutationKind of KINDS) {
            const ofKind = mutants.filter(({ m }) => m.kind === mutationKind);
            if (ofKind.length === 0) continue;
            it(`${mutationKind}: ${ofKind.length} mutant(s) each fail with schema.${mutationKind} at their path`, () => {
              const problems = ofKind.map(({ kind, m }) => problemWith(version, action, kind, m)).filter((p) => p !== undefined);
              expect(problems).to.deep.equal([]);
            });
          }
        });
      }

      it('the mutation generator reached every kind of fault in this version', () => {
        for (const kind of KINDS) expect(totals[kind], `${kind} mutants`).to.be.greaterThan(0);
      });
    });
  }

  describe('the generator is not vacuous', () => {
    it('every action with a closed top-level object yields an additional-property mutant at /unexpectedProperty', () => {
      const misses: string[] = [];
      for (const version of VERSIONS) {
        for (const action of actionsOf(version)) {
          for (const kind of kindsOf(version, action)) {
            const schema = schemaOf(version, action, kind) as { additionalProperties?: unknown };
            if (schema.additionalProperties !== false) continue;
            if (!mutationsOf(schema).some((m) => m.kind === 'additional-property' && m.path === '/unexpectedProperty')) misses.push(`${version} ${action} ${kind}`);
          }
        }
      }
      expect(misses).to.deep.equal([]);
    });

    it('every top-level required field yields a required mutant', () => {
      const misses: string[] = [];
      for (const version of VERSIONS) {
        for (const action of actionsOf(version)) {
          for (const kind of kindsOf(version, action)) {
            const schema = schemaOf(version, action, kind) as { required?: string[] };
            const paths = new Set(mutationsOf(schema).filter((m) => m.kind === 'required').map((m) => m.path));
            for (const field of schema.required ?? []) if (!paths.has(`/${field}`)) misses.push(`${version} ${action} ${kind} /${field}`);
          }
        }
      }
      expect(misses).to.deep.equal([]);
    });
  });

  describe('realistic payloads of the common messages pass', () => {
    for (const version of VERSIONS) {
      for (const example of examplesOf(version)) {
        it(`${version} ${messageLabel(version, example.action, example.kind)}: ${example.name}`, () => {
          expect(validatePayload(version, example.action, example.kind, example.payload)).to.deep.equal([]);
        });
      }
    }
  });

  describe('known quirks', () => {
    it('a missing required field is OccurenceConstraintViolation in 1.6, OccurrenceConstraintViolation in 2.0.1 and 2.1', () => {
      const v16 = exampleOf('1.6', 'BootNotification', 'request');
      delete v16.chargePointModel;
      const [f16] = validatePayload('1.6', 'BootNotification', 'request', v16);
      expect(f16).to.include({ rule: 'schema.required', path: '/chargePointModel', errorCode: 'OccurenceConstraintViolation' });
      expect(errorCodesOf('1.6').has(f16.errorCode!)).to.equal(true);

      for (const version of ['2.0.1', '2.1'] as const) {
        const v2 = exampleOf(version, 'BootNotification', 'request');
        delete (v2.chargingStation as Record<string, unknown>).model;
        const [f2] = validatePayload(version, 'BootNotification', 'request', v2);
        expect(f2).to.include({ rule: 'schema.required', path: '/chargingStation/model', errorCode: 'OccurrenceConstraintViolation' });
        expect(errorCodesOf(version).has(f2.errorCode!)).to.equal(true);
      }
    });

    it("1.6 MeterValues accepts measurand 'Energy.Active.Import.Register' and rejects misspellings of it", () => {
      const payload = (measurand: string) => ({ connectorId: 1, meterValue: [{ timestamp: '2025-03-14T09:26:53Z', sampledValue: [{ value: '100', measurand }] }] });
      expect(validatePayload('1.6', 'MeterValues', 'request', payload('Energy.Active.Import.Register'))).to.deep.equal([]);
      for (const wrong of ['Energy.Active.Import.Registers', 'energy.active.import.register', 'Energy.Import.Active.Register', 'Energy.Active.Import.Register ']) {
        const findings = validatePayload('1.6', 'MeterValues', 'request', payload(wrong));
        expect(findings.map((f) => [f.rule, f.path]), wrong).to.deep.equal([['schema.enum', '/meterValue/0/sampledValue/0/measurand']]);
      }
    });

    it("1.6 units accept both the 'Celcius' spelling of the 1.6 schema and 'Celsius'; 2.x has no unit enum to misspell", () => {
      const payload = (unit: string) => ({ connectorId: 1, meterValue: [{ timestamp: '2025-03-14T09:26:53Z', sampledValue: [{ value: '21', measurand: 'Temperature', unit }] }] });
      expect(validatePayload('1.6', 'MeterValues', 'request', payload('Celcius'))).to.deep.equal([]);
      expect(validatePayload('1.6', 'MeterValues', 'request', payload('Celsius'))).to.deep.equal([]);
      expect(validatePayload('1.6', 'MeterValues', 'request', payload('celsius')).map((f) => f.rule)).to.deep.equal(['schema.enum']);
    });

    it('1.6 string sizes are the CiString sizes of the OCA schemas (BootNotification.req: 20 for vendor/model, 25 for serials)', () => {
      const payload = exampleOf('1.6', 'BootNotification', 'request');
      payload.chargePointModel = 'M'.repeat(20);
      payload.chargePointSerialNumber = 'S'.repeat(25);
      expect(validatePayload('1.6', 'BootNotification', 'request', payload)).to.deep.equal([]);
      payload.chargePointModel = 'M'.repeat(21);
      payload.chargePointSerialNumber = 'S'.repeat(26);
      const findings = validatePayload('1.6', 'BootNotification', 'request', payload);
      expect(findings.map((f) => [f.rule, f.path])).to.deep.equal([
        ['schema.length', '/chargePointModel'],
        ['schema.length', '/chargePointSerialNumber'],
      ]);
      expect(findings[0].message).to.equal('BootNotification.req: chargePointModel is 21 characters long; at most 20 allowed');
    });

    it('1.6 nested objects are closed and numbers typed as the OCA schemas say', () => {
      const authorize = exampleOf('1.6', 'Authorize', 'response');
      (authorize.idTagInfo as Record<string, unknown>).note = 'vip';
      expect(validatePayload('1.6', 'Authorize', 'response', authorize).map((f) => [f.rule, f.path])).to.deep.equal([['schema.additional-property', '/idTagInfo/note']]);

      const meter = exampleOf('1.6', 'MeterValues', 'request');
      (meter.meterValue as Array<{ sampledValue: Array<Record<string, unknown>> }>)[0].sampledValue[0].quality = 'good';
      expect(validatePayload('1.6', 'MeterValues', 'request', meter).map((f) => [f.rule, f.path])).to.deep.equal([['schema.additional-property', '/meterValue/0/sampledValue/0/quality']]);

      expect(validatePayload('1.6', 'BootNotification', 'response', { status: 'Accepted', currentTime: '2025-03-14T09:26:53Z', interval: 300.5 }).map((f) => [f.rule, f.path])).to.deep.equal([['schema.type', '/interval']]);

      const start = exampleOf('1.6', 'StartTransaction', 'request');
      start.transactionId = 1;
      expect(validatePayload('1.6', 'StartTransaction', 'request', start).map((f) => [f.rule, f.path])).to.deep.equal([['schema.additional-property', '/transactionId']]);
    });

    it("1.6 status 'SuspendedEVSE' is accepted, 'SuspendedEvse' is not", () => {
      const payload = (status: string) => ({ connectorId: 1, errorCode: 'NoError', status });
      expect(validatePayload('1.6', 'StatusNotification', 'request', payload('SuspendedEVSE'))).to.deep.equal([]);
      expect(validatePayload('1.6', 'StatusNotification', 'request', payload('SuspendedEvse')).map((f) => [f.rule, f.path])).to.deep.equal([['schema.enum', '/status']]);
    });

    it('1.6 decimal fields (multipleOf 0.1) accept one-decimal values whatever their binary rounding, and reject two decimals', () => {
      const payload = exampleOf('1.6', 'SetChargingProfile', 'request');
      const schedule = (payload.csChargingProfiles as { chargingSchedule: { chargingSchedulePeriod: Array<{ limit: number }> } }).chargingSchedule;
      for (const limit of [0.3, 6.6, 16.3, 0.7, 1.1, 2.2, 110.7, 22000.1]) {
        schedule.chargingSchedulePeriod[0].limit = limit;
        expect(validatePayload('1.6', 'SetChargingProfile', 'request', payload), `limit ${limit}`).to.deep.equal([]);
      }
      schedule.chargingSchedulePeriod[0].limit = 16.35;
      expect(validatePayload('1.6', 'SetChargingProfile', 'request', payload).map((f) => [f.rule, f.path])).to.deep.equal([
        ['schema.range', '/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit'],
      ]);
    });

    for (const version of ['2.0.1', '2.1'] as const) {
      it(`${version}: customData accepts extra properties, while an extra property elsewhere is rejected`, () => {
        const payload = exampleOf(version, 'BootNotification', 'request');
        payload.customData = { vendorId: 'com.voltiq', firmwareChannel: 'beta', flags: [1, 2] };
        (payload.chargingStation as Record<string, unknown>).customData = { vendorId: 'com.voltiq', slot: 3 };
        expect(validatePayload(version, 'BootNotification', 'request', payload)).to.deep.equal([]);

        (payload.chargingStation as Record<string, unknown>).colour = 'green';
        expect(validatePayload(version, 'BootNotification', 'request', payload).map((f) => [f.rule, f.path])).to.deep.equal([
          ['schema.additional-property', '/chargingStation/colour'],
        ]);
      });

      it(`${version}: customData still needs its vendorId`, () => {
        const payload = exampleOf(version, 'Heartbeat', 'request');
        payload.customData = { note: 'no vendor' };
        expect(validatePayload(version, 'Heartbeat', 'request', payload).map((f) => [f.rule, f.path])).to.deep.equal([['schema.required', '/customData/vendorId']]);
      });
    }
  });

  describe('messages and completeness', () => {
    it('reads "BootNotification.req: chargePointModel is required" for a missing 1.6 field', () => {
      const payload = exampleOf('1.6', 'BootNotification', 'request');
      delete payload.chargePointModel;
      expect(validatePayload('1.6', 'BootNotification', 'request', payload)).to.deep.equal([
        { rule: 'schema.required', severity: 'error', path: '/chargePointModel', message: 'BootNotification.req: chargePointModel is required', errorCode: 'OccurenceConstraintViolation' },
      ]);
    });

    it('names nested fields with dots and indexes: "BootNotificationRequest: chargingStation.model is required"', () => {
      const payload = exampleOf('2.0.1', 'BootNotification', 'request');
      delete (payload.chargingStation as Record<string, unknown>).model;
      expect(validatePayload('2.0.1', 'BootNotification', 'request', payload).map((f) => f.message)).to.deep.equal(['BootNotificationRequest: chargingStation.model is required']);

      const meter = exampleOf('1.6', 'MeterValues', 'request');
      (meter.meterValue as Array<{ sampledValue: Array<Record<string, unknown>> }>)[0].sampledValue[2].phase = 'L4';
      const [f] = validatePayload('1.6', 'MeterValues', 'request', meter);
      expect(f.path).to.equal('/meterValue/0/sampledValue/2/phase');
      expect(f.message).to.match(/^MeterValues\.req: meterValue\[0\]\.sampledValue\[2\]\.phase must be one of L1, L2, L3, .*; got "L4"$/);
    });

    it('a wrong type says what was expected and what came, and responses are labelled .conf / Response', () => {
      const [t] = validatePayload('1.6', 'StatusNotification', 'request', { connectorId: '1', errorCode: 'NoError', status: 'Available' });
      expect(t).to.include({ rule: 'schema.type', path: '/connectorId', message: 'StatusNotification.req: connectorId must be an integer, got "1"' });

      const [r16] = validatePayload('1.6', 'BootNotification', 'response', { status: 'Accepted', currentTime: 'yesterday', interval: 300 });
      expect(r16).to.include({ rule: 'schema.format', path: '/currentTime' });
      expect(r16.message).to.equal('BootNotification.conf: currentTime is not a valid date-time: "yesterday"');

      const [r2] = validatePayload('2.1', 'Heartbeat', 'response', {});
      expect(r2.message).to.equal('HeartbeatResponse: currentTime is required');
    });

    it('a payload with 3 problems yields 3 findings, one per problem', () => {
      const payload = exampleOf('1.6', 'BootNotification', 'request');
      delete payload.chargePointModel;
      payload.chargePointVendor = 42;
      payload.colour = 'green';
      const findings = validatePayload('1.6', 'BootNotification', 'request', payload);
      expect(findings.map((f) => [f.rule, f.path]).sort()).to.deep.equal([
        ['schema.additional-property', '/colour'],
        ['schema.required', '/chargePointModel'],
        ['schema.type', '/chargePointVendor'],
      ]);
    });

    it('reports every error of a frame, also when they are many and nested', () => {
      const payload = exampleOf('2.0.1', 'TransactionEvent', 'request');
      payload.eventType = 'Paused';
      payload.timestamp = 'now';
      delete payload.triggerReason;
      (payload.transactionInfo as Record<string, unknown>).chargingState = 'Charged';
      (payload.evse as Record<string, unknown>).id = 'one';
      const findings = validatePayload('2.0.1', 'TransactionEvent', 'request', payload);
      expect(findings.map((f) => [f.rule, f.path]).sort()).to.deep.equal([
        ['schema.enum', '/eventType'],
        ['schema.enum', '/transactionInfo/chargingState'],
        ['schema.format', '/timestamp'],
        ['schema.required', '/triggerReason'],
        ['schema.type', '/evse/id'],
      ]);
    });

    it('a payload that is not an object is one type finding on the whole payload', () => {
      for (const bad of [null, [], 'text', 7]) {
        const findings = validatePayload('2.0.1', 'Heartbeat', 'request', bad);
        expect(findings.map((f) => [f.rule, f.path]), JSON.stringify(bad)).to.deep.equal([['schema.type', '']]);
        expect(findings[0].message).to.match(/^HeartbeatRequest: the payload must be an object, got /);
      }
    });

    it('values shown in messages are cut short, and deeply nested values do not break the validator', () => {
      const long = 'x'.repeat(500);
      const [f] = validatePayload('1.6', 'StatusNotification', 'request', { connectorId: 1, errorCode: long, status: 'Available' });
      expect(f.rule).to.equal('schema.enum');
      expect(f.message.length).to.be.lessThan(400);

      let deep: unknown = 'bottom';
      for (let i = 0; i < 100000; i++) deep = [deep];
      const findings = validatePayload('1.6', 'BootNotification', 'request', { chargePointVendor: 'Voltiq', chargePointModel: deep });
      expect(findings.map((x) => [x.rule, x.path])).to.deep.equal([['schema.type', '/chargePointModel']]);
      expect(findings[0].message).to.match(/^BootNotification\.req: chargePointModel must be a string, got /);
    });
  });
});
