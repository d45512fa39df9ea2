import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { actionInfo, actionsOf } from '../../../src/ocpp/actions.js';
import { schemaSource } from '../../../src/ocpp/schema-sources.js';
import { compiledCount, precompile, validatorFor } from '../../../src/ocpp/schema-validator.js';
import { VERSIONS } from '../../../src/ocpp/versions.js';

/**
 * The official schema set of each version against the action tables in code: every schema compiles under
 * strict mode, and the table and the schema set name exactly the same actions.
 */
describe('official schemas', () => {
  for (const version of VERSIONS) {
    describe(`OCPP ${version}`, () => {
      const source = schemaSource(version);
      const schemaActions = [...source.byAction.keys()].sort();
      const tableActions = actionsOf(version);

      it('comes from a named package with a version', () => {
        expect(source.package).to.be.a('string').and.not.equal('');
        expect(source.packageVersion).to.match(/^\d+\.\d+\.\d+/);
        expect(source.byAction.size).to.be.greaterThan(0);
      });

      it('every action of the table has a schema', () => {
        const missing = tableActions.filter((a) => !source.byAction.has(a));
        expect(missing, `actions without a schema in ${source.package}`).to.deep.equal([]);
      });

      it('every schema names an action of the table', () => {
        const unknown = schemaActions.filter((a) => actionInfo(version, a) === undefined);
        expect(unknown, 'schemas whose action is not in the table').to.deep.equal([]);
      });

      it('the table and the schema set are the same set of actions', () => {
        expect(tableActions).to.deep.equal(schemaActions);
      });

      it('every non-sendOnly action has a response schema, and sendOnly actions have none', () => {
        const withoutResponse = tableActions.filter((a) => !actionInfo(version, a)?.sendOnly && !source.byAction.get(a)?.response);
        expect(withoutResponse, 'confirmable actions without a response schema').to.deep.equal([]);
        const sendOnlyWithResponse = tableActions.filter((a) => actionInfo(version, a)?.sendOnly && source.byAction.get(a)?.response);
        expect(sendOnlyWithResponse, 'SEND-only actions that have a response schema').to.deep.equal([]);
      });

      for (const action of tableActions) {
        it(`${action}: request${actionInfo(version, action)?.sendOnly ? '' : ' and response'} compile with validatorFor()`, () => {
          const request = validatorFor(version, action, 'request');
          expect(request, 'request validator').to.be.a('function');
          // A compiled validator must actually validate: a non-object payload is never valid.
          expect(request!('not an object')).to.equal(false);
          if (actionInfo(version, action)?.sendOnly) {
            expect(validatorFor(version, action, 'response'), 'a SEND-only action has no response validator').to.equal(undefined);
          } else {
            const response = validatorFor(version, action, 'response');
            expect(response, 'response validator').to.be.a('function');
            expect(response!(42)).to.equal(false);
          }
        });
      }

      it('compiled validators are kept: the same function on a second call', () => {
        const [first] = tableActions;
        expect(validatorFor(version, first, 'request')).to.equal(validatorFor(version, first, 'request'));
      });

      it('an action of no schema yields no validator rather than an exception', () => {
        expect(validatorFor(version, 'NoSuchAction', 'request')).to.equal(undefined);
        expect(validatorFor(version, 'NoSuchAction', 'response')).to.equal(undefined);
      });
    });
  }

  it('2.0.1 has 64 actions and 2.1 is a superset of 2.0.1', () => {
    // 64 is the count of OCPP 2.0.1 Part 2's message list; 2.1 adds messages and removes none.
    expect(actionsOf('2.0.1')).to.have.length(64);
    const v21 = new Set(actionsOf('2.1'));
    expect(actionsOf('2.0.1').filter((a) => !v21.has(a))).to.deep.equal([]);
    expect(v21.size).to.be.greaterThan(64);
  });

  it('only 2.1 has SEND-only actions, NotifyPeriodicEventStream among them', () => {
    for (const version of ['1.6', '2.0.1'] as const) {
      expect(actionsOf(version).filter((a) => actionInfo(version, a)?.sendOnly)).to.deep.equal([]);
    }
    expect(actionInfo('2.1', 'NotifyPeriodicEventStream')?.sendOnly).to.equal(true);
  });
});

describe('precompile', () => {
  it('compiles every message schema of a version in the background, none while the caller waits', () => {
    // In a fresh process: this one may have compiled the schemas already.
    const script = `
      import { compiledCount, precompile } from ${JSON.stringify(new URL('../../../src/ocpp/schema-validator.ts', import.meta.url).href)};
      const before = compiledCount('2.0.1');
      precompile('2.0.1');
      const right = compiledCount('2.0.1');
      let turns = 0;
      while (compiledCount('2.0.1').compiled < before.total && turns++ < 5000) await new Promise((r) => setImmediate(r));
      console.log(JSON.stringify({ before, right, after: compiledCount('2.0.1') }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const { before, right, after } = JSON.parse(out) as Record<string, { compiled: number; total: number }>;
    expect(before.compiled).to.equal(0);
    expect(right.compiled).to.equal(0);
    expect(after).to.deep.equal({ compiled: before.total, total: before.total });
    expect(before.total).to.be.greaterThan(100);
  });
});
