import { createPublicKey, verify, type KeyObject, type X509Certificate } from 'node:crypto';
import type { Payload } from '../../ocpp/frame.js';
import { certificateHashData, currentlyValid, parseCertificate, sameCertificate, type CertificateHashData, type HashAlgorithm } from '../certificates-16.js';
import { makeCsr } from '../pki-16.js';
import type { RpcEndpoint } from '../rpc-endpoint.js';
import { firmwareImage, MANUFACTURER_ROOT_CERT } from '../security-fixtures-16.js';
import { acceptClientCertificate, currentConnection, currentProfile, raiseProfile, stationCertificate, tlsWithFaults } from './connection-security.js';
import type { Lifecycle } from './lifecycle.js';
import type { Maintenance } from './maintenance.js';
import type { Station } from './station.js';
import type { TxEngine16 } from './tx-16.js';

/**
 * The 1.6 station's side of the security whitepaper (edition 3): certificate management (M03-M05: install,
 * list, delete root certificates), the Charge Point certificate renewal (A02: ExtendedTriggerMessage
 * SignChargePointCertificate, SignCertificate, CertificateSigned), ExtendedTriggerMessage (F06), secure
 * firmware update (L01: SignedUpdateFirmware) and the security events these raise. The station ships with the
 * test data's manufacturer root certificate installed, so firmware signed by it verifies.
 */
type RootType = 'CentralSystemRootCertificate' | 'ManufacturerRootCertificate';

interface Installed {
  type: RootType;
  cert: X509Certificate;
}

export interface SecurityParts16 {
  st: Station;
  engine: TxEngine16;
  lifecycle: Lifecycle;
  maintenance: Maintenance;
}

export function registerSecurity16(ep: RpcEndpoint, p: SecurityParts16): void {
  const { st, engine, lifecycle, maintenance } = p;
  const state = stateOf(st);
  const firmware = state.firmware;
  const event = (type: string, techInfo?: string) => {
    const payload: Payload = { type, timestamp: new Date().toISOString() };
    if (techInfo) payload.techInfo = techInfo;
    st.send('SecurityEventNotification', payload);
  };

  ep.handle('InstallCertificate', (req, ctx) => {
    const type = req.certificateType as RootType;
    const cert = parseCertificate(String(req.certificate));
    const valid = cert !== undefined && currentlyValid(cert) && cert.ca;
    if (!valid && !st.faults.has('invalid-certificate-accepted')) {
      if (type === 'CentralSystemRootCertificate') ctx.afterReply(() => event('InvalidCentralSystemCertificate', cert ? 'expired or not a CA certificate' : 'not an X.509 certificate'));
      return { status: 'Rejected' };
    }
    if (!cert) return { status: 'Failed' };
    const max = Number(st.config16!.get('CertificateStoreMaxLength') ?? '10');
    if (state.certs.length >= max) return { status: 'Rejected' };
    const known = state.certs.some((c) => c.type === type && c.cert.fingerprint256 === cert.fingerprint256);
    if (!known && !st.faults.has('install-certificate-not-stored')) state.certs.push({ type, cert });
    return { status: 'Accepted' };
  });

  ep.handle('GetInstalledCertificateIds', (req) => {
    const list = state.certs.filter((c) => c.type === req.certificateType).map((c) => hashOf(c.cert, 'SHA256'));
    return list.length > 0 ? { status: 'Accepted', certificateHashData: list } : { status: 'NotFound' };
  });

  ep.handle('DeleteCertificate', (req) => {
    const wanted = req.certificateHashData as unknown as CertificateHashData;
    // The same certificate may be installed under both root types: it is deleted from the store altogether.
    const matching = state.certs.filter((c) => sameCertificate(hashOf(c.cert, wanted.hashAlgorithm), wanted));
    if (matching.length === 0) return { status: 'NotFound' };
    if (!st.faults.has('delete-certificate-ignored')) state.certs = state.certs.filter((c) => !matching.includes(c));
    return { status: 'Accepted' };
  });

  ep.handle('ExtendedTriggerMessage', (req, ctx) => {
    const connectorId = req.connectorId as number | undefined;
    if (connectorId !== undefined && connectorId !== 0 && !st.connector(connectorId)) return { status: 'Rejected' };
    const send: Record<string, () => void> = {
      BootNotification: () => lifecycle.triggerBoot(),
      Heartbeat: () => st.send('Heartbeat', {}),
      StatusNotification: () => (connectorId !== undefined ? st.reportStatusOf(connectorId) : [0, ...st.connectors.map((c) => c.evseId)].forEach((id) => st.reportStatusOf(id))),
      MeterValues: () => (connectorId ? [st.connector(connectorId)!] : st.connectors).forEach((c) => engine.sampleMeter(c, 'Trigger')),
      FirmwareStatusNotification: () => st.send('SignedFirmwareStatusNotification', { status: firmware.status, ...(firmware.requestId === undefined ? {} : { requestId: firmware.requestId }) }),
      LogStatusNotification: () => st.send('LogStatusNotification', { status: maintenance.uploadStatus === 'Uploading' ? 'Uploading' : 'Idle' }),
      SignChargePointCertificate: () => {
        const { csr, privateKey } = makeCsr(st.opts.serialNumber ?? st.identity, st.config16!.get('CpoName') ?? '');
        state.pendingKey = privateKey;
        st.send('SignCertificate', { csr });
      },
    };
    const action = send[req.requestedMessage as string];
    if (!action) return { status: 'NotImplemented' };
    ctx.afterReply(action);
    return { status: 'Accepted' };
  });

  ep.handle('CertificateSigned', (req, ctx) => {
    const cert = parseCertificate(String(req.certificateChain));
    const pending = state.pendingKey;
    const ours = cert !== undefined && pending !== undefined && cert.publicKey.export({ type: 'spki', format: 'der' }).equals(createPublicKey(pending).export({ type: 'spki', format: 'der' }));
    if (cert && ours && currentlyValid(cert)) {
      acceptClientCertificate(st, String(req.certificateChain), pending, ctx.afterReply);
      state.pendingKey = undefined;
      return { status: 'Accepted' };
    }
    if (!st.faults.has('invalid-cp-certificate-no-security-event')) ctx.afterReply(() => event('InvalidChargePointCertificate', 'the certificate does not match the signing request or is not valid'));
    return { status: 'Rejected' };
  });

  const reportFirmware = (status: string) => {
    firmware.status = status;
    if (st.ready) st.send('SignedFirmwareStatusNotification', firmware.requestId === undefined ? { status } : { status, requestId: firmware.requestId });
  };
  ep.handle('SignedUpdateFirmware', (req, ctx) => {
    const fw = req.firmware as { location: string; retrieveDateTime: string; signingCertificate: string; signature: string };
    const signer = parseCertificate(fw.signingCertificate);
    const trusted = signer !== undefined && currentlyValid(signer) && state.certs.some((c) => c.type === 'ManufacturerRootCertificate' && signer.checkIssued(c.cert) && signer.verify(c.cert.publicKey));
    if (!trusted) {
      ctx.afterReply(() => event('InvalidFirmwareSigningCertificate'));
      return { status: 'InvalidCertificate' };
    }
    firmware.requestId = req.requestId as number;
    const step = st.opts.transferStepSeconds;
    const skipVerification = st.faults.has('firmware-signature-not-verified');
    ctx.afterReply(() => {
      st.timers.afterMs(Math.min(Math.max(0, Date.parse(fw.retrieveDateTime) - Date.now()), 60_000), () => {
        reportFirmware('Downloading');
        st.timers.after(step, () => {
          reportFirmware('Downloaded');
          const good = skipVerification || verify('sha256', firmwareImage(fw.location), signer.publicKey, Buffer.from(fw.signature, 'base64'));
          if (!good) {
            reportFirmware('InvalidSignature');
            event('InvalidFirmwareSignature');
            firmware.status = 'Idle';
            return;
          }
          st.timers.after(step, () => {
            if (!st.faults.has('no-signature-verified-status')) reportFirmware('SignatureVerified');
            reportFirmware('Installing');
            st.timers.after(step, () => {
              lifecycle.onNextBoot(() => {
                event('FirmwareUpdated');
                reportFirmware('Installed');
                firmware.status = 'Idle';
              });
              void lifecycle.reboot('Soft', 'FirmwareUpdate').catch((e) => st.problem(e));
            });
          });
        });
      });
    });
    return { status: 'Accepted' };
  });
}

/** The security profile the station connects with: what its options say (A00: one profile at a time). */
export function connectedProfile(st: Station): number {
  return currentProfile(st);
}

/**
 * ChangeConfiguration SecurityProfile (whitepaper A05): a value lower than or equal to the current one is Rejected
 * (A05.FR.05, lowering is not allowed). A higher one is Accepted when the station can connect that way (A05.FR.02/03:
 * profile 2 needs a Central System root certificate to check the server with, profile 3 also a Charge Point
 * certificate): the station then disconnects and connects again with the new profile (connection-security.ts).
 */
export function changeSecurityProfile(st: Station, value: string, afterReply: (fn: () => void) => void = () => undefined): 'Accepted' | 'Rejected' {
  const wanted = Number(value);
  const current = connectedProfile(st);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 3) return 'Rejected';
  if (wanted < current && st.faults.has('security-profile-downgrade-accepted')) {
    st.config16!.setInternal('SecurityProfile', String(wanted));
    return 'Accepted';
  }
  if (wanted <= current || wanted < 2) return 'Rejected';
  const roots = [...stateOf(st).certs.filter((c) => c.type === 'CentralSystemRootCertificate').map((c) => c.cert.toString()), ...caList(currentConnection(st).tls?.ca)];
  const client = stationCertificate(st);
  if (roots.length === 0 || (wanted === 3 && !client)) return 'Rejected';
  st.config16!.setInternal('SecurityProfile', String(wanted));
  if (!st.faults.has('security-profile-not-applied')) raiseProfile(st, wanted as 2 | 3, roots, client);
  afterReply(() => void st.link.disconnect().then(() => st.link.connect()));
  return 'Accepted';
}

function caList(ca: string | Buffer | Array<string | Buffer> | undefined): string[] {
  return ca === undefined ? [] : (Array.isArray(ca) ? ca : [ca]).map((c) => c.toString());
}

/**
 * How the station dials its CSMS. A reboot is where the connection-security faults show: after it, the station
 * connects with a stale password, over plain ws://, or without its client certificate.
 */
export function linkAfterReboot(st: Station): { url: string; password?: string; tls?: Station['opts']['tls'] } {
  // The connection as started, or as a raised security profile / a new client certificate made it (connection-security.ts).
  const current = currentConnection(st);
  const url = current.url;
  const tls = tlsWithFaults(st, current.tls);
  // A1: the password is the AuthorizationKey (2.0.1: SecurityCtrlr.BasicAuthPassword) once the CSMS has set one (profiles 1 and 2).
  const key = st.config16 ? st.config16.get('AuthorizationKey') : st.deviceModel?.value('SecurityCtrlr', 'BasicAuthPassword');
  const password = current.password !== undefined && key && !st.faults.has('authorization-key-not-applied') ? key : current.password;
  if (st.bootCount === 0) return { url, password, tls };
  return {
    url: st.faults.has('tls-plain-connection') ? url.replace(/^wss:/, 'ws:') : url,
    password: st.faults.has('basic-auth-wrong-password') && password !== undefined ? `${password}-stale` : password,
    tls: st.faults.has('tls-no-client-certificate') && tls ? { ...tls, cert: undefined, key: undefined } : tls,
  };
}

/**
 * ChangeConfiguration AuthorizationKey (whitepaper A01, §7.2): at least 16 and at most 40 characters (the hex form of
 * up to 20 bytes); an accepted key is stored, and the station disconnects and connects again with it (A01.FR.03-04).
 */
export function changeAuthorizationKey(st: Station, value: string, afterReply: (fn: () => void) => void): 'Accepted' | 'Rejected' {
  if (value.length < 16 || value.length > 40) return 'Rejected';
  st.config16!.setInternal('AuthorizationKey', value);
  if (st.opts.password !== undefined) afterReply(() => void st.link.disconnect().then(() => st.link.connect()));
  return 'Accepted';
}

function hashOf(cert: X509Certificate, algorithm: HashAlgorithm): CertificateHashData {
  return certificateHashData(cert, algorithm);
}

interface SecurityState {
  certs: Installed[];
  /** The key of the last SignCertificate request, until its certificate is accepted. */
  pendingKey?: KeyObject;
  firmware: { status: string; requestId?: number };
}

/** The station's certificate store and pending work outlive its connections (handlers are registered per connection). */
const STATES = new WeakMap<Station, SecurityState>();

function stateOf(st: Station): SecurityState {
  let state = STATES.get(st);
  if (!state) {
    state = { certs: [{ type: 'ManufacturerRootCertificate', cert: parseCertificate(MANUFACTURER_ROOT_CERT)! }], firmware: { status: 'Idle' } };
    st.config16?.setInternal('SecurityProfile', String(connectedProfile(st)));
    STATES.set(st, state);
  }
  return state;
}
