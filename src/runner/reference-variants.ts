import type { Side } from '../types.js';
import type { LoadedCase } from './case-types.js';
import { evaluateCondition } from './conditions.js';
import { REFERENCE_SECURITY_16_VARIANTS, withSecurity16 } from './reference-security-16.js';
import { withCertificates201 } from './reference-certificates-201.js';
import { REFERENCE_SECURITY_201_VARIANTS } from './reference-security-201.js';
import { referenceSutConfig, type ReferenceVersion } from './reference-targets.js';
import { declarationsOf, resolveSut, sutTemplateView, type SutConfigFile } from './sut-config.js';
import { defaultGenerators } from './templates.js';

/**
 * Other builds of the reference peers, for cases whose prerequisites the default build does not meet: OCTT has
 * cases for a station with a fixed cable and others for one with a detachable cable, and the embedded default
 * runs both kinds, each against a reference station built that way.
 */
export interface ReferenceVariant {
  /** What this build is, for people reading the list. */
  name: string;
  version: ReferenceVersion;
  role: Side;
  /** The features this build declares, from those of the default build. */
  features(defaults: readonly string[]): string[];
  /** Other settings of this build's SUT configuration (e.g. the security profile it connects with). */
  config?: Partial<SutConfigFile>;
}

export const REFERENCE_VARIANTS: readonly ReferenceVariant[] = [
  { name: 'fixed cable', version: '1.6', role: 'cs', features: (f) => [...f.filter((x) => x !== 'DetachableCable'), 'FixedCable'] },
  ...REFERENCE_SECURITY_16_VARIANTS,
  ...REFERENCE_SECURITY_201_VARIANTS,
  // The harness as a 2.0.1 station with two EVSEs: master pass cases (TC_C_47/49_CSMS) stop transactions on both.
  { name: 'two EVSEs', version: '2.0.1', role: 'csms', features: (f) => [...f], config: { evses: [{ id: 1, connectors: [1] }, { id: 2, connectors: [1] }] } },
  // A 2.0.1 station that cannot cancel an ongoing firmware update (NOT C-60: TC_L_11_CS).
  { name: 'firmware update not cancellable', version: '2.0.1', role: 'cs', features: (f) => f.filter((x) => x !== 'C-60') },
  // A 2.0.1 station at security profile 2 that installs a new CSMS root only when the old one signed it (AS-2: TC_M_09_CS).
  { name: 'security profile 2, additional root certificate check', version: '2.0.1', role: 'cs', features: (f) => [...f, 'AS-2'], config: REFERENCE_SECURITY_201_VARIANTS.find((v) => v.role === 'cs' && v.config.securityProfile === 2)!.config },
  // A 2.0.1 station that cannot reset a single EVSE (NOT C-13: TC_B_28/29_CS).
  { name: 'no reset per EVSE', version: '2.0.1', role: 'cs', features: (f) => f.filter((x) => x !== 'C-13') },
  // A 2.0.1 CSMS configured to answer a station's first boot Pending (C-44: TC_B_02/30/31_CSMS).
  { name: 'boot Pending first', version: '2.0.1', role: 'csms', features: (f) => [...f, 'C-44'] },
  // A 2.0.1 station without the optional SummaryInventory report (NOT C-56: TC_B_15_CS).
  { name: 'no SummaryInventory report', version: '2.0.1', role: 'cs', features: (f) => f.filter((x) => x !== 'C-56') },
  // 2.0.1 stations that download firmware during a transaction (AQ-7: TC_L_14/15_CS) or also install it (C-43: TC_L_16_CS).
  { name: 'firmware downloaded during a transaction', version: '2.0.1', role: 'cs', features: (f) => [...f, 'AQ-7'] },
  { name: 'firmware installed during a transaction', version: '2.0.1', role: 'cs', features: (f) => [...f, 'C-43'] },
  // A 2.0.1 station whose cable lock keeps the EV out until a driver is authorized (AQ-2: TC_C_05_CS).
  { name: 'cable lock before authorization', version: '2.0.1', role: 'cs', features: (f) => [...f, 'AQ-2'] },
  // A 2.0.1 station with a user interface where the master pass holder chooses what to stop (C-07 instead of C-08: TC_C_47/48_CS).
  { name: 'master pass with a user interface', version: '2.0.1', role: 'cs', features: (f) => [...f.filter((x) => x !== 'C-08'), 'C-07'] },
  // A 2.0.1 station without Smart Charging (TC_K_38_CS): every other certification profile.
  { name: 'fixed cable', version: '2.0.1', role: 'cs', features: (f) => [...f.filter((x) => x !== 'HFS-1'), 'HFS-2', 'FixedCable'] },
  { name: 'no TxStartPoint EnergyTransfer', version: '2.0.1', role: 'cs', features: (f) => f.filter((x) => x !== 'C-09.5') },
  // A 2.0.1 station without reservations of no EVSE in particular (NOT R-2: ReservationCtrlr.NonEvseSpecific false, TC_H_13_CS).
  { name: 'no reservation of an unspecified EVSE', version: '2.0.1', role: 'cs', features: (f) => f.filter((x) => x !== 'R-2') },
  // A 2.0.1 station whose charging profiles are in A only (NOT SC-2.2: SmartChargingCtrlr.RateUnit A, TC_K_12/42_CS).
  { name: 'charging profiles in A only', version: '2.0.1', role: 'cs', features: (f) => f.filter((x) => x !== 'SC-2.2') },
  // A 2.0.1 station that does not support every display message priority (NOT UI-1.1: no AlwaysFront, TC_O_17_CS).
  { name: 'no AlwaysFront display messages', version: '2.0.1', role: 'cs', features: (f) => f.filter((x) => x !== 'UI-1.1') },
  // A 2.0.1 station whose display does not support the message state Faulted (TC_O_18_CS).
  { name: 'no Faulted display message state', version: '2.0.1', role: 'cs', features: (f) => [...f], config: { settings: { ...referenceSutConfig('2.0.1', 'cs').settings, unsupportedDisplayMessageState: 'Faulted' } } },
  // A 2.0.1 station without the report criterion Problem, the monitoring criterion PeriodicMonitoring and the monitoring base FactoryDefault (TC_B_19_CS, TC_N_04_CS, TC_N_07_CS).
  { name: 'some report and monitoring criteria unsupported', version: '2.0.1', role: 'cs', features: (f) => [...f], config: { settings: { ...referenceSutConfig('2.0.1', 'cs').settings, unsupportedComponentCriterion: 'Problem', unsupportedMonitoringCriterion: 'PeriodicMonitoring', unsupportedMonitoringBase: 'FactoryDefault' } } },
  // A 2.0.1 station without diagnostics log information (GetLog DiagnosticsLog Rejected, TC_N_34_CS).
  { name: 'no diagnostics log information', version: '2.0.1', role: 'cs', features: (f) => [...f], config: { settings: { ...referenceSutConfig('2.0.1', 'cs').settings, logTypeWithoutInformation: 'DiagnosticsLog' } } },
  // A 2.0.1 station that an external system gave a charging limit of 16 A (TC_K_52_CS).
  { name: 'external charging limit', version: '2.0.1', role: 'cs', features: (f) => [...f], config: { settings: { ...referenceSutConfig('2.0.1', 'cs').settings, externalChargingLimitA: 16 } } },
  { name: 'no smart charging', version: '2.0.1', role: 'cs', features: (f) => [...f], config: { profiles: ['Core', 'Advanced Device Management', 'Advanced Security', 'Advanced User Interface', 'ISO 15118 Support', 'Local Authorization List Management', 'Reservation'] } },
];

export interface VariantGroup {
  /** Undefined for the default build. */
  variant?: ReferenceVariant;
  features?: string[];
  config?: Partial<SutConfigFile>;
  cases: LoadedCase[];
}

/** Splits the cases of one version and role by the reference build that declares the features they need. */
export function groupByReferenceBuild(version: ReferenceVersion, role: Side, cases: readonly LoadedCase[]): VariantGroup[] {
  const defaults = withSecurity16(referenceSutConfig(version, role)).features ?? [];
  const builds: VariantGroup[] = [
    { cases: [] },
    ...REFERENCE_VARIANTS.filter((v) => v.version === version && v.role === role).map((variant) => ({ variant, features: variant.features(defaults), config: variant.config, cases: [] as LoadedCase[] })),
  ];
  for (const c of cases) {
    const needed = c.testCase.prerequisites?.features ?? [];
    const condition = c.testCase.prerequisites?.condition;
    const fits = (features: readonly string[], config?: Partial<SutConfigFile>) => needed.every((f) => features.includes(f)) && (!condition || conditionHolds(version, role, features, config, condition));
    // The default build when it fits (or when no build does: the case then reports what is missing).
    const build = fits(defaults) ? builds[0] : (builds.slice(1).find((b) => fits(b.features!, b.config)) ?? builds[0]);
    build.cases.push(c);
  }
  return builds.filter((b) => b.cases.length > 0 || b.variant === undefined);
}

/** Whether a case's prerequisite condition holds for a build of the reference peers. */
function conditionHolds(version: ReferenceVersion, role: Side, features: readonly string[], config: Partial<SutConfigFile> | undefined, condition: NonNullable<NonNullable<LoadedCase['testCase']['prerequisites']>['condition']>): boolean {
  const sut = resolveSut({ ...withCertificates201(withSecurity16(referenceSutConfig(version, role))), features: [...features], ...config }, {}, 'built-in reference configuration');
  return evaluateCondition(condition, { sut: sutTemplateView(sut), vars: {}, params: {}, gen: defaultGenerators() }, declarationsOf(sut), { now: Date.now(), toleranceMs: sut.timeouts.toleranceMs });
}
