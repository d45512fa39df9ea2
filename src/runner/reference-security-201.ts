import type { SutConfigFile } from './sut-config.js';

/**
 * Builds of the 2.0.1 reference CSMS at security profiles 1 and 2 (OCPP 2.0.1 Part 2 §A00: Basic auth, then TLS with
 * a server certificate plus Basic auth), so the embedded default runs the CSMS-side connection cases of Part 6 §3.2
 * (TC_A_01..03_CSMS) against a build that requires those credentials. The security material is the one the 1.6
 * builds use (reference-security-16.ts: the test data's root, whatever the OCPP version).
 */
const REFERENCE_PASSWORD = 'OCPP-harness-reference-key-201';

export const REFERENCE_SECURITY_201_VARIANTS = ([1, 2] as const).flatMap((securityProfile) =>
  // Role cs: the reference station connecting at that profile, for the station-side cases of Part 6 §2.2 (TC_A_01/22_CS).
  (['csms', 'cs'] as const).map((role) => ({
    name: `security profile ${securityProfile}`,
    version: '2.0.1' as const,
    role,
    features: (f: readonly string[]) => [...f],
    config: { securityProfile, credentials: { basicAuthPassword: REFERENCE_PASSWORD } } satisfies Partial<SutConfigFile>,
  })),
);
