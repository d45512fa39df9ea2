import type { Lifecycle } from './lifecycle.js';
import type { Station } from './station.js';

/**
 * The security events of a TLS handshake the station ended (OCPP 2.0.1 A00.FR.412/416, 1.6 security whitepaper
 * A00): an invalid server certificate, a TLS version below 1.2. The station cannot report them on the connection
 * that failed, so each is sent once the station is connected and accepted again.
 */
export function watchTlsRefusals(st: Station, lifecycle: Lifecycle): void {
  const pending = new Set<string>();
  st.link.on('tlsRefused', (code) => {
    const type = /unsupported protocol|EPROTO|ERR_SSL_UNSUPPORTED_PROTOCOL|VERSION/i.test(code) ? 'InvalidTLSVersion' : st.version === '1.6' ? 'InvalidCentralSystemCertificate' : 'InvalidCsmsCertificate';
    if (pending.has(type) || (type !== 'InvalidTLSVersion' && st.faults.has('invalid-csms-certificate-not-reported'))) return;
    pending.add(type);
    lifecycle.onNextBoot(() => {
      pending.delete(type);
      st.send('SecurityEventNotification', { type, timestamp: new Date().toISOString(), techInfo: code });
    });
  });
}
