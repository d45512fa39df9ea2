import type { SutConfigFile } from './sut-config.js';

/**
 * Builds of the 2.0.1 reference CSMS at security profiles 1, 2 and 3 (OCPP 2.0.1 Part 2 §A00: Basic auth, then TLS with
 * a server certificate plus Basic auth, then mutual TLS: TC_A_11/14/15_CS need a station at 3), so the embedded default runs the CSMS-side connection cases of Part 6 §3.2
 * (TC_A_01..03_CSMS) against a build that requires those credentials. The security material is the one the 1.6
 * builds use (reference-security-16.ts: the test data's root, whatever the OCPP version).
 */
const REFERENCE_PASSWORD = 'OCPP-harness-reference-key-201';

const BY_PROFILE = ([1, 2, 3] as const).flatMap((securityProfile) =>
  // Role cs: the reference station connecting at that profile, for the station-side cases of Part 6 §2.2 (TC_A_01/22_CS).
  (['csms', 'cs'] as const).map((role) => ({
    name: `security profile ${securityProfile}`,
    version: '2.0.1' as const,
    role,
    // The station at profile 3 declares AS-3 (SignCertificate sent again without CertificateSigned: TC_A_23_CS).
    features: (f: readonly string[]) => (securityProfile === 3 && role === 'cs' ? [...f, 'AS-3'] : [...f]),
    config: { securityProfile, credentials: { basicAuthPassword: REFERENCE_PASSWORD } } satisfies Partial<SutConfigFile>,
  })),
);

/**
 * A build at security profile 1 that declares AQ-1 (its last CSMSRootCertificate can be removed; the reference
 * station's always can), for TC_A_20_CS: a run of its own, so that no profile upgrade of another case (TC_A_19_CS
 * leaves the station at profile 2) comes before it.
 */
export const REFERENCE_ROOT_REMOVABLE_201_VARIANT = {
  name: 'security profile 1, last CSMS root removable',
  version: '2.0.1' as const,
  role: 'cs' as const,
  features: (f: readonly string[]) => [...f, 'AQ-1'],
  config: { securityProfile: 1, credentials: { basicAuthPassword: REFERENCE_PASSWORD } } satisfies Partial<SutConfigFile>,
};

export const REFERENCE_SECURITY_201_VARIANTS = [...BY_PROFILE, REFERENCE_ROOT_REMOVABLE_201_VARIANT];
