import { expect } from 'chai';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdapterChain, ActionSkippedError, ActionUnavailableError } from '../../../src/runner/action-adapter.js';
import { HookAdapter, paramEnv, PromptAdapter } from '../../../src/runner/hook-adapters.js';
import { PassThrough } from 'node:stream';

/** Manual actions through SUT configuration hooks (HTTP, shell) and the interactive prompt. */
describe('action hooks', () => {
  const request = (action: string, params: Record<string, unknown> = {}) => ({ action, params, caseId: 'TC_003_CS' });

  it('an HTTP hook gets the templated URL and body; a non-2xx answer is an error naming it', async () => {
    const seen: Array<{ url?: string; body: string }> = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push({ url: req.url, body });
        res.statusCode = req.url?.includes('fail') ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const hooks = new HookAdapter({ plugIn: { http: { url: `${base}/plug/{{params.connectorId}}`, body: { station: '{{sut.identity}}', connector: '{{params.connectorId}}' } } }, unplug: { http: { url: `${base}/fail` } } }, { identity: 'CP-7' });
      await hooks.perform(request('plugIn', { connectorId: 2 }));
      expect(seen[0]).to.deep.equal({ url: '/plug/2', body: '{"station":"CP-7","connector":2}' });
      let message = '';
      await hooks.perform(request('unplug')).catch((e: Error) => (message = e.message));
      expect(message).to.equal(`the HTTP hook ${base}/fail answered 503 Service Unavailable`);
    } finally {
      server.close();
    }
  });

  it('a command hook gets the parameters as environment variables; a failing command is an error with its stderr', async () => {
    const hooks = new HookAdapter({ presentIdTag: { command: 'test "$OCPP_HARNESS_PARAM_ID_TAG" = "TAG-1" && test "$OCPP_HARNESS_ACTION" = presentIdTag' }, reboot: { command: 'echo no power >&2; exit 3' } }, {});
    await hooks.perform(request('presentIdTag', { idTag: 'TAG-1' }));
    let message = '';
    await hooks.perform(request('reboot')).catch((e: Error) => (message = e.message));
    expect(message).to.equal('the command hook "echo no power >&2; exit 3" exited with code 3: no power');
    expect(paramEnv({ connectorId: 1, idToken: { idToken: 'A' } })).to.deep.equal({ OCPP_HARNESS_PARAM_CONNECTOR_ID: '1', OCPP_HARNESS_PARAM_ID_TOKEN: '{"idToken":"A"}' });
  });

  it('the chain says why no adapter can do an action', async () => {
    const chain = new AdapterChain([new HookAdapter({}, {}), new PromptAdapter(Object.assign(new PassThrough(), { isTTY: false }), new PassThrough())]);
    expect(chain.unavailable('plugIn')).to.equal('hook: the SUT configuration has no hook for "plugIn"; prompt: standard input is not an interactive terminal');
    let error: unknown;
    await chain.perform(request('plugIn')).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(ActionUnavailableError);
    expect(new AdapterChain([]).unavailable('plugIn')).to.contain('no action adapter is configured');
  });

  it('the prompt asks a person: Enter when done, s to skip', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    const prompt = new PromptAdapter(input, output);
    const done = prompt.perform({ ...request('plugIn', { connectorId: 1 }), prompt: 'EV driver plugs in the cable' });
    input.write('\n');
    await done;
    expect(String(output.read())).to.contain('[TC_003_CS] manual action: EV driver plugs in the cable {"connectorId":1}');
    const skipped = prompt.perform(request('reboot'));
    input.write('s\n');
    let error: unknown;
    await skipped.catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(ActionSkippedError);
  });
});
