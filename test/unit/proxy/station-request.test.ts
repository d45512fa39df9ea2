import { expect } from 'chai';
import type { IncomingMessage } from 'node:http';
import { displayUrl, forwardedHeaders, parseSubprotocols, readStationRequest, upgradeProblem, upstreamUrlFor } from '../../../src/proxy/station-request.js';

function req(url: string, headers: Record<string, string> = {}, method = 'GET'): IncomingMessage {
  const base = { upgrade: 'websocket', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-version': '13' };
  return { url, method, headers: { ...base, ...headers } } as unknown as IncomingMessage;
}

describe('station-request', () => {
  it('takes the identity from the last path segment, keeps it encoded upstream and decoded for logs', () => {
    const r = readStationRequest(req('/ocpp/v16/CP%2F01%20x?a=1'), new URL('ws://csms:9000/base/'));
    expect(r).to.deep.include({ station: 'CP/01 x', path: '/ocpp/v16/CP%2F01%20x?a=1', upstreamUrl: 'ws://csms:9000/base/CP%2F01%20x?a=1' });
  });

  it('refuses a path without an identity', () => {
    expect(readStationRequest(req('/'), new URL('ws://csms'))).to.have.property('error');
  });

  it('keeps both query strings, the upstream one first', () => {
    expect(upstreamUrlFor(new URL('wss://csms/ocpp?token=t'), 'CP1', '?x=1')).to.equal('wss://csms/ocpp/CP1?token=t&x=1');
    expect(upstreamUrlFor(new URL('ws://csms'), 'CP1', '')).to.equal('ws://csms/CP1');
  });

  it('parses offered subprotocols and rejects malformed lists', () => {
    expect(parseSubprotocols(undefined)).to.deep.equal([]);
    expect(parseSubprotocols('ocpp2.0.1, ocpp1.6')).to.deep.equal(['ocpp2.0.1', 'ocpp1.6']);
    expect(parseSubprotocols('ocpp1.6,,x')).to.equal(undefined);
    expect(parseSubprotocols('a b')).to.equal(undefined);
    expect(parseSubprotocols('ocpp1.6, ocpp1.6')).to.equal(undefined);
  });

  it('names what is wrong with an upgrade request before anything is dialled', () => {
    expect(upgradeProblem(req('/CP1'))).to.equal(undefined);
    expect(upgradeProblem(req('/CP1', {}, 'POST'))).to.match(/method/);
    expect(upgradeProblem(req('/CP1', { upgrade: 'h2c' }))).to.match(/Upgrade/);
    expect(upgradeProblem(req('/CP1', { 'sec-websocket-key': 'short' }))).to.match(/Key/);
    expect(upgradeProblem(req('/CP1', { 'sec-websocket-version': '7' }))).to.match(/Version/);
    expect(upgradeProblem(req('/CP1', { 'sec-websocket-protocol': 'a;b' }))).to.match(/Protocol/);
  });

  it('forwards credentials and ordinary headers, never hop-by-hop or WebSocket handshake headers', () => {
    const h = forwardedHeaders({ authorization: 'Basic x', 'user-agent': 'ua', host: 'proxy', connection: 'Upgrade', 'sec-websocket-key': 'k', 'sec-websocket-protocol': 'ocpp1.6', 'x-custom': ['a', 'b'] });
    expect(h).to.deep.equal({ authorization: 'Basic x', 'user-agent': 'ua', 'x-custom': ['a', 'b'] });
  });

  it('shows upstream URLs without credentials', () => {
    expect(displayUrl('ws://user:pw@csms:1/ocpp')).to.equal('ws://csms:1/ocpp');
  });
});
