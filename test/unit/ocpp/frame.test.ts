import { expect } from 'chai';
import { isErrorCodeOf } from '../../../src/ocpp/error-codes.js';
import { MAX_MESSAGE_ID_LENGTH, parseFrame, parseFrameValue, serializeFrame, type Frame, type ParseResult } from '../../../src/ocpp/frame.js';
import { VERSIONS } from '../../../src/ocpp/versions.js';
import type { Version } from '../../../src/types.js';

/** OCPP-J frames (OCPP-J 1.6 §4.2; 2.0.1 and 2.1 Part 4 §4.2): parsing, its failures as findings, serialising. */

function rules(result: ParseResult): string[] {
  return result.findings.map((f) => f.rule);
}

function failed(result: ParseResult): Extract<ParseResult, { ok: false }> {
  if (result.ok) throw new Error(`expected a parse failure, got ${JSON.stringify(result.frame)}`);
  return result;
}

function parsed(result: ParseResult): Frame {
  if (!result.ok) throw new Error(`expected a frame, got ${JSON.stringify(result.findings)}`);
  expect(result.findings).to.deep.equal([]);
  return result.frame;
}

describe('frames', () => {
  describe('the five message types parse', () => {
    it('CALL [2, id, action, payload]', () => {
      expect(parsed(parseFrame('[2,"19223201","BootNotification",{"chargePointVendor":"Voltiq","chargePointModel":"WB-22"}]', '1.6'))).to.deep.equal({
        type: 'CALL',
        id: '19223201',
        action: 'BootNotification',
        payload: { chargePointVendor: 'Voltiq', chargePointModel: 'WB-22' },
      });
    });

    it('CALLRESULT [3, id, payload]', () => {
      expect(parsed(parseFrame('[3,"19223201",{"currentTime":"2025-03-14T09:26:53Z"}]', '2.0.1'))).to.deep.equal({
        type: 'CALLRESULT',
        id: '19223201',
        payload: { currentTime: '2025-03-14T09:26:53Z' },
      });
    });

    it('CALLERROR [4, id, errorCode, errorDescription, errorDetails]', () => {
      expect(parsed(parseFrame('[4,"162376037","NotSupported","SetDisplayMessage not supported",{}]', '2.0.1'))).to.deep.equal({
        type: 'CALLERROR',
        id: '162376037',
        errorCode: 'NotSupported',
        errorDescription: 'SetDisplayMessage not supported',
        errorDetails: {},
      });
    });

    it('CALLRESULTERROR [5, id, errorCode, errorDescription, errorDetails]', () => {
      expect(parsed(parseFrame('[5,"a7","FormatViolation","status missing",{"field":"status"}]', '2.1'))).to.deep.equal({
        type: 'CALLRESULTERROR',
        id: 'a7',
        errorCode: 'FormatViolation',
        errorDescription: 'status missing',
        errorDetails: { field: 'status' },
      });
    });

    it('SEND [6, id, action, payload]', () => {
      expect(parsed(parseFrame('[6,"s-1","NotifyPeriodicEventStream",{"id":1,"pending":0,"basetime":"2025-03-14T09:26:53Z","data":[{"t":0,"v":"1"}]}]', '2.1'))).to.deep.equal({
        type: 'SEND',
        id: 's-1',
        action: 'NotifyPeriodicEventStream',
        payload: { id: 1, pending: 0, basetime: '2025-03-14T09:26:53Z', data: [{ t: 0, v: '1' }] },
      });
    });

    it('parses the frame shape whatever the version: version rules are the conversation’s job', () => {
      for (const version of VERSIONS) {
        expect(parseFrame('[6,"s-1","X",{}]', version).ok, version).to.equal(true);
        expect(parseFrame('[5,"s-1","X","",{}]', version).ok, version).to.equal(true);
      }
    });

    it('accepts whitespace around elements and an empty description', () => {
      expect(parsed(parseFrame(' [ 4 , "x" , "GenericError" , "" , { } ] ', '1.6'))).to.include({ type: 'CALLERROR', errorDescription: '' });
    });

    it('parseFrameValue takes an already decoded value', () => {
      expect(parsed(parseFrameValue([2, 'id', 'Heartbeat', {}], '2.0.1'))).to.deep.equal({ type: 'CALL', id: 'id', action: 'Heartbeat', payload: {} });
    });
  });

  describe('failures are findings', () => {
    it('not JSON: frame.not-json with the parser’s reason, FormationViolation in 1.6 / FormatViolation in 2.x', () => {
      for (const text of ['', '[2,"1","Heartbeat",{}', "[2,'1','Heartbeat',{}]", 'CALL Heartbeat', '[2,"1","Heartbeat",{},]']) {
        const r16 = failed(parseFrame(text, '1.6'));
        expect(rules(r16), JSON.stringify(text)).to.deep.equal(['frame.not-json']);
        expect(r16.findings[0].errorCode).to.equal('FormationViolation');
        expect(r16.findings[0].message).to.match(/^The frame is not valid JSON \(.+\)\.$/);
        expect(failed(parseFrame(text, '2.0.1')).findings[0].errorCode).to.equal('FormatViolation');
      }
    });

    it('JSON but not an array: frame.not-array, naming what it is', () => {
      const cases: Array<[string, string]> = [
        ['null', 'null'],
        ['{}', 'an object'],
        ['{"0":2,"1":"x"}', 'an object'],
        ['"[2]"', 'a string'],
        ['42', 'a number'],
        ['true', 'a boolean'],
      ];
      for (const [text, what] of cases) {
        const r = failed(parseFrame(text, '2.0.1'));
        expect(rules(r), text).to.deep.equal(['frame.not-array']);
        expect(r.findings[0].message).to.equal(`The frame is ${what}, not a JSON array.`);
      }
    });

    it('wrong arity for each message type: frame.arity, saying how many elements were expected', () => {
      const cases: Array<[string, string, number]> = [
        ['[2,"1","Heartbeat"]', 'CALL', 4],
        ['[2,"1","Heartbeat",{},{}]', 'CALL', 4],
        ['[3,"1"]', 'CALLRESULT', 3],
        ['[3,"1",{},{}]', 'CALLRESULT', 3],
        ['[4,"1","GenericError",""]', 'CALLERROR', 5],
        ['[4,"1","GenericError","",{},{}]', 'CALLERROR', 5],
        ['[5,"1","GenericError",""]', 'CALLRESULTERROR', 5],
        ['[6,"1","NotifyPeriodicEventStream"]', 'SEND', 4],
      ];
      for (const [text, type, n] of cases) {
        const r = failed(parseFrame(text, '2.1'));
        expect(rules(r), text).to.deep.equal(['frame.arity']);
        expect(r.type).to.equal(type);
        expect(r.id, 'the id is still read, so the frame can be answered').to.equal('1');
        expect(r.findings[0].message).to.equal(`A ${type} has ${n} elements; this one has ${JSON.parse(text).length}.`);
      }
    });

    it('element types: messageId, action, payload, errorCode, errorDescription, errorDetails', () => {
      const cases: Array<[string, RegExp]> = [
        ['[2,19223201,"Heartbeat",{}]', /^The messageId must be a string; it is a number\.$/],
        ['[2,null,"Heartbeat",{}]', /^The messageId must be a string; it is null\.$/],
        ['[2,"1",7,{}]', /^The action of a CALL must be a string; it is a number\.$/],
        ['[2,"1","Heartbeat",[]]', /^The payload of a CALL must be a JSON object; it is an array\.$/],
        ['[2,"1","Heartbeat",null]', /^The payload of a CALL must be a JSON object; it is null\.$/],
        ['[3,"1","ok"]', /^The payload of a CALLRESULT must be a JSON object; it is a string\.$/],
        ['[4,"1",500,"",{}]', /^The errorCode of a CALLERROR must be a string; it is a number\.$/],
        ['[4,"1","GenericError",null,{}]', /^The errorDescription of a CALLERROR must be a string; it is null\.$/],
        ['[4,"1","GenericError","",[]]', /^The errorDetails of a CALLERROR must be a JSON object; it is an array\.$/],
        ['[5,"1","GenericError","",null]', /^The errorDetails of a CALLRESULTERROR must be a JSON object; it is null\.$/],
        ['[6,"1","NotifyPeriodicEventStream","{}"]', /^The payload of a SEND must be a JSON object; it is a string\.$/],
      ];
      for (const [text, message] of cases) {
        const r = failed(parseFrame(text, '2.1'));
        expect(rules(r), text).to.deep.equal(['frame.element-type']);
        expect(r.findings[0].message, text).to.match(message);
      }
    });

    it('a messageId that is not a string asks for RpcFrameworkError (2.x), other element types for FormatViolation', () => {
      expect(failed(parseFrame('[2,1,"Heartbeat",{}]', '2.0.1')).findings[0].errorCode).to.equal('RpcFrameworkError');
      expect(failed(parseFrame('[2,"1","Heartbeat",[]]', '2.0.1')).findings[0].errorCode).to.equal('FormatViolation');
      expect(failed(parseFrame('[2,1,"Heartbeat",{}]', '1.6')).findings[0].errorCode).to.equal('FormationViolation');
    });

    it('reports every problem of a frame, not only the first', () => {
      const r = failed(parseFrame('[2,5,7,[],"extra"]', '2.0.1'));
      expect(rules(r)).to.deep.equal(['frame.arity', 'frame.element-type', 'frame.element-type', 'frame.element-type']);
      expect(r.id).to.equal(undefined);
    });

    it('a missing messageId says it is missing', () => {
      const r = failed(parseFrame('[2]', '2.0.1'));
      expect(rules(r)).to.deep.equal(['frame.arity', 'frame.element-type']);
      expect(r.findings[1].message).to.equal('The messageId must be a string; it is missing.');
    });

    it('unknown message type ids: frame.unknown-type, MessageTypeNotSupported in 2.x, and the id kept for the answer', () => {
      for (const text of ['[0,"m1",{}]', '[1,"m1","Heartbeat",{}]', '[7,"m1","Heartbeat",{}]', '[2.5,"m1","Heartbeat",{}]', '[-2,"m1","Heartbeat",{}]', '["2","m1","Heartbeat",{}]', '[null,"m1"]', '[[2],"m1"]', '[{"type":2},"m1"]']) {
        const r = failed(parseFrame(text, '2.0.1'));
        expect(rules(r), text).to.deep.equal(['frame.unknown-type']);
        expect(r.id, text).to.equal('m1');
        expect(r.findings[0].errorCode).to.equal('MessageTypeNotSupported');
        expect(r.findings[0].message).to.match(/^The message type id .+ is not one of 2 \(CALL\), 3 \(CALLRESULT\), 4 \(CALLERROR\), 5 \(CALLRESULTERROR\), 6 \(SEND\)\.$/);
      }
      expect(failed(parseFrame('[7,"m1"]', '2.0.1')).findings[0].message).to.include('type id 7 ');
      expect(failed(parseFrame('["2","m1"]', '2.0.1')).findings[0].message).to.include('type id "2" ');
    });

    it('an empty array has no message type id', () => {
      const r = failed(parseFrame('[]', '2.1'));
      expect(rules(r)).to.deep.equal(['frame.unknown-type']);
      expect(r.findings[0].message).to.match(/^The frame is an empty array; its first element must be a message type id: 2 \(CALL\)/);
    });

    it(`a messageId of ${MAX_MESSAGE_ID_LENGTH} characters is fine, ${MAX_MESSAGE_ID_LENGTH + 1} is frame.message-id-too-long`, () => {
      expect(MAX_MESSAGE_ID_LENGTH).to.equal(36);
      const uuid = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
      expect(uuid).to.have.length(36);
      expect(parsed(parseFrame(`[2,"${uuid}","Heartbeat",{}]`, '2.0.1'))).to.include({ id: uuid });

      const r = failed(parseFrame(`[2,"${uuid}x","Heartbeat",{}]`, '2.0.1'));
      expect(rules(r)).to.deep.equal(['frame.message-id-too-long']);
      expect(r.findings[0].message).to.equal('The messageId is 37 characters long; at most 36 are allowed.');
      expect(r.id).to.equal(`${uuid}x`);
      expect(rules(failed(parseFrame(`[3,"${'9'.repeat(1000)}",{}]`, '1.6')))).to.deep.equal(['frame.message-id-too-long']);
    });

    it('counts the messageId in characters, not bytes', () => {
      const id = 'é'.repeat(36);
      expect(parsed(parseFrame(`[3,"${id}",{}]`, '2.0.1'))).to.include({ id });
    });

    it('every errorCode a parse finding carries is a code of the version', () => {
      const bad = ['', 'null', '[]', '[9,"1"]', '[2]', '[2,1,2,3]', '[4,"1",1,2,3]', `[3,"${'x'.repeat(37)}",{}]`];
      for (const version of VERSIONS) {
        for (const text of bad) {
          for (const f of failed(parseFrame(text, version)).findings) {
            expect(f.errorCode, `${version} ${text} ${f.rule}`).to.be.a('string');
            expect(isErrorCodeOf(version, f.errorCode!), `${version} ${text}: ${f.errorCode}`).to.equal(true);
            expect(f.severity).to.equal('error');
            expect(f.path).to.equal('');
          }
        }
      }
    });
  });

  describe('parsing never throws', () => {
    const nasty: Array<[string, string]> = [
      ['empty string', ''],
      ['null', 'null'],
      ['empty array', '[]'],
      ['type only', '[2]'],
      ['deeply nested arrays', '['.repeat(200_000) + ']'.repeat(200_000)],
      ['deeply nested objects', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
      ['deep nesting as the payload', '[2,"1","Heartbeat",' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) + ']'],
      ['deep nesting as the type id', '[' + '['.repeat(200_000) + ']'.repeat(200_000) + ',"1"]'],
      ['unbalanced nesting', '['.repeat(100_000)],
      ['a long string as the type id', `["${'2'.repeat(100_000)}","1"]`],
      ['lone surrogate', '[2,"\\ud800","Heartbeat",{}]'],
      ['NUL characters', '[2,"\\u0000","Heart\\u0000beat",{}]'],
      ['byte order mark', '\ufeff[2,"1","Heartbeat",{}]'],
      ['a huge number', '[1e400,"1"]'],
      ['__proto__ keys', '[2,"1","Heartbeat",{"__proto__":{"polluted":true}}]'],
    ];
    for (const version of VERSIONS) {
      for (const [name, text] of nasty) {
        it(`${version}: ${name}`, () => {
          let result: ParseResult | undefined;
          expect(() => {
            result = parseFrame(text, version);
          }).not.to.throw();
          expect(result!.ok || result!.findings.length > 0, 'a failure always comes with a finding').to.equal(true);
          for (const f of result!.findings) expect(f.message.length, 'messages stay short').to.be.lessThan(300);
        });
      }
    }

    it('parseFrameValue accepts any value', () => {
      for (const value of [undefined, null, 0, '', [], {}, [undefined], [2, undefined, undefined, undefined], Symbol('x'), () => 1]) {
        expect(() => parseFrameValue(value, '2.0.1')).not.to.throw();
        expect(parseFrameValue(value, '2.0.1').ok).to.equal(false);
      }
    });

    it('__proto__ in a payload stays a plain own key and pollutes nothing', () => {
      const frame = parsed(parseFrame('[2,"1","Heartbeat",{"__proto__":{"polluted":true}}]', '2.0.1'));
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(Object.keys((frame as { payload: object }).payload)).to.deep.equal(['__proto__']);
    });
  });

  describe('serializeFrame', () => {
    const frames: Frame[] = [
      { type: 'CALL', id: '1', action: 'BootNotification', payload: { reason: 'PowerUp', chargingStation: { model: 'WB-22', vendorName: 'Voltiq' } } },
      { type: 'CALLRESULT', id: '1', payload: { currentTime: '2025-03-14T09:26:53.120Z', interval: 300, status: 'Accepted' } },
      { type: 'CALLERROR', id: '2', errorCode: 'NotImplemented', errorDescription: 'Unknown action "Foo"', errorDetails: { hint: 'ünïcødé ✓ "quotes" \\ back' } },
      { type: 'CALLRESULTERROR', id: '3', errorCode: 'FormatViolation', errorDescription: '', errorDetails: {} },
      { type: 'SEND', id: '4', action: 'NotifyPeriodicEventStream', payload: { id: 1, pending: 0, basetime: '2025-03-14T09:26:53Z', data: [{ t: 0.5, v: '12.3' }] } },
    ];

    for (const frame of frames) {
      it(`${frame.type}: parse(serialize(frame)) gives the frame back, in every version`, () => {
        const text = serializeFrame(frame);
        for (const version of VERSIONS as readonly Version[]) expect(parsed(parseFrame(text, version))).to.deep.equal(frame);
      });
    }

    it('writes the wire shapes: type id first, then the elements in order, compact', () => {
      expect(frames.map(serializeFrame)).to.deep.equal([
        '[2,"1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"WB-22","vendorName":"Voltiq"}}]',
        '[3,"1",{"currentTime":"2025-03-14T09:26:53.120Z","interval":300,"status":"Accepted"}]',
        '[4,"2","NotImplemented","Unknown action \\"Foo\\"",{"hint":"ünïcødé ✓ \\"quotes\\" \\\\ back"}]',
        '[5,"3","FormatViolation","",{}]',
        '[6,"4","NotifyPeriodicEventStream",{"id":1,"pending":0,"basetime":"2025-03-14T09:26:53Z","data":[{"t":0.5,"v":"12.3"}]}]',
      ]);
    });

    it('serialize(parse(text)) gives compact text back unchanged', () => {
      for (const text of ['[2,"abc","Authorize",{"idToken":{"idToken":"04A2","type":"ISO14443"}}]', '[3,"abc",{}]', '[4,"-1","RpcFrameworkError","bad frame",{}]']) {
        expect(serializeFrame(parsed(parseFrame(text, '2.0.1')))).to.equal(text);
      }
    });
  });
});
