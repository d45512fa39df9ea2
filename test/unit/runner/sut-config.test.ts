import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputFileError } from '../../../src/runner/json-schema-errors.js';
import { locateJsonError } from '../../../src/runner/json-syntax.js';
import { declarationsOf, loadSutConfigFile, resolveSut, sutTemplateView } from '../../../src/runner/sut-config.js';

/** The SUT configuration (like OCTT's PICS): validated with file, JSON path and problem; completed with defaults. */
describe('SUT configuration', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sut-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const problemOf = (content: unknown): string => {
    const file = join(dir, 'sut.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    try {
      resolveSut(loadSutConfigFile(file), {}, file);
    } catch (e) {
      if (e instanceof InputFileError) return `${e.path} | ${e.problem}`;
      throw e;
    }
    return 'no problem';
  };

  it('names the JSON path and the problem for schema errors', () => {
    expect(problemOf({ role: 'station' })).to.equal('/role | must be one of "cs", "csms"; got "station"');
    expect(problemOf({ role: 'cs', url: 'http://x' })).to.equal('/url | must match ^wss?://; got "http://x"');
    expect(problemOf({ role: 'cs', evses: [{ id: 1 }] })).to.equal('/evses/0 | missing required property "connectors"');
    expect(problemOf({ role: 'cs', idTags: { valid: 5 } })).to.equal('/idTags/valid | an idTag is a string, or {idToken, type}');
    expect(problemOf({ role: 'cs', timeouts: { expectMs: 0 } })).to.equal('/timeouts/expectMs | must be >= 1; got 0');
    expect(problemOf({ role: 'cs', actions: { plugIn: { curl: 'x' } } })).to.equal('/actions/plugIn | unknown property "curl"');
    expect(problemOf({ role: 'cs', colour: 'red' })).to.equal(' | unknown property "colour"');
  });

  it('names problems the schema cannot see, and unreadable files', () => {
    expect(problemOf({})).to.equal('/role | the role of the system under test is not given (--sut cs|csms, or "role" in the SUT configuration)');
    expect(problemOf({ role: 'csms', securityProfile: 1 })).to.equal('/credentials | security profile 1 needs credentials.basicAuthPassword');
    expect(problemOf({ role: 'cs', connectors: [1, 2], connectorId: 3 })).to.equal('/connectorId | connector 3 is not among the connectors [1,2]');
    expect(problemOf('{"role": "cs",}')).to.equal(' | is not valid JSON (line 1, column 15): unexpected \'}\' where a property name in double quotes should be');
    expect(() => loadSutConfigFile(join(dir, 'missing.json'))).to.throw(InputFileError, 'cannot be read (ENOENT)');
  });

  it('fills in defaults and lets the command line win', () => {
    const sut = resolveSut({ role: 'csms', url: 'ws://a', connectors: [1, 2], idTags: { valid: 'MY-TAG', special: { idToken: 'X', type: 'Central' } } }, { url: 'ws://b', version: '2.0.1' });
    expect(sut).to.deep.include({ role: 'csms', url: 'ws://b', version: '2.0.1', connectorId: 1, evseId: 1, heartbeatIntervalS: 300, securityProfile: 0 });
    expect(sut.idTags.valid).to.deep.equal({ idToken: 'MY-TAG', type: 'ISO14443' });
    expect(sut.idTags.blocked.idToken).to.equal('OCPPH-BLOCKED-01');
    expect(sut.timeouts).to.deep.equal({ responseMs: 10000, expectMs: 15000, connectMs: 15000, holdMs: 3000, toleranceMs: 4000 });
  });

  it('templates see derived lists and nested variables, never the credentials', () => {
    const sut = resolveSut({ role: 'cs', version: '2.0.1', evses: [{ id: 1, connectors: [1, 2] }], variables: { 'TxCtrlr.TxStartPoint': 'EVConnected' }, credentials: { basicAuthPassword: 'secret' }, securityProfile: 1 });
    const view = sutTemplateView(sut);
    expect(view.evseConnectors).to.deep.equal([
      { evseId: 1, connectorId: 1 },
      { evseId: 1, connectorId: 2 },
    ]);
    expect(view.variables).to.deep.equal({ TxCtrlr: { TxStartPoint: 'EVConnected' } });
    expect(view).to.not.have.property('credentials');
    expect(JSON.stringify(view)).to.not.contain('secret');
    expect(declarationsOf(sut).profiles).to.equal(undefined);
  });

  it('the JSON locator finds the first bad character', () => {
    expect(locateJsonError('{"a": [1, 2,]}')).to.deep.include({ line: 1, column: 13, message: "unexpected ']' where a value should be" });
    expect(locateJsonError('{"a": 1}\n{')).to.deep.include({ line: 2, column: 1, message: "unexpected '{' after the end of the value" });
    expect(locateJsonError('{"a": "x')).to.deep.include({ message: 'a string that is not closed' });
    expect(locateJsonError('{"a": 1}')).to.equal(undefined);
  });
});
