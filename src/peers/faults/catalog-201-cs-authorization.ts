import type { FaultInfo } from './fault-info.js';

const V201 = ['2.0.1'] as const;

/** Fault switches that the cases of this catalog group catch: OCPP 2.0.1, charging station under test, C Authorization conditional cases. */
export const CATALOG_201_CS_AUTHORIZATION_FAULTS = {
  'auth-201-only-invalid-refused': { peer: 'cs', versions: V201, description: 'Refuses a presented idToken only when the CSMS says Invalid: Blocked, Expired, Unknown and the like start charging.' },
  'auth-cache-201-pre-authorize-ignored': { peer: 'cs', versions: V201, description: 'Sends Authorize for an idToken its cache holds as Accepted although LocalPreAuthorize is true.' },
  'auth-cache-201-used-without-pre-authorize': { peer: 'cs', versions: V201, description: 'Authorizes an idToken its cache holds as Accepted without asking the CSMS although LocalPreAuthorize is false.' },
  'auth-cache-201-not-accepted-refused-locally': { peer: 'cs', versions: V201, description: 'Refuses an idToken its cache holds as not Accepted without asking the CSMS (Authorize) again, although DisablePostAuthorize is false.' },
  'auth-cache-201-post-authorize-not-disabled': { peer: 'cs', versions: V201, description: 'Asks the CSMS (Authorize) about an idToken its cache holds as not Accepted although AuthCacheCtrlr.DisablePostAuthorize is true.' },
  'auth-cache-201-tx-answer-ignored': { peer: 'cs', versions: V201, description: 'Does not update the authorization cache with the idTokenInfo of a TransactionEventResponse.' },
  'auth-cache-201-clear-ignored': { peer: 'cs', versions: V201, description: 'Answers ClearCache Accepted but keeps the authorization cache.' },
  'auth-cache-201-clear-when-disabled': { peer: 'cs', versions: V201, description: 'Answers ClearCache Accepted although the authorization cache is disabled (AuthCacheCtrlr.Enabled false).' },
  'auth-cache-201-lost-on-reboot': { peer: 'cs', versions: V201, description: 'Keeps the authorization cache in volatile memory: a reboot empties it.' },
  'auth-201-stop-with-any-idtoken': { peer: 'cs', versions: V201, description: 'Stops a running transaction for any idToken the CSMS accepts, not only the one that started it or one of its group.' },
  'group-id-201-ignored': { peer: 'cs', versions: V201, description: 'Ignores the groupIdToken: only the idToken that started a transaction can stop it.' },
  'group-id-201-invalid-stops': { peer: 'cs', versions: V201, description: 'Stops a transaction for an idToken of the same group even when the CSMS answers it is not Accepted.' },
  'master-pass-201-ignored': { peer: 'cs', versions: V201, description: 'Treats an idToken of the MasterPassGroupId group like any other: it starts a transaction and stops only its own.' },
  'master-pass-201-stops-one': { peer: 'cs', versions: V201, description: 'A master pass meant to stop every transaction (no user interface, or the holder chose all) stops only the one of the EVSE it was presented at.' },
  'stop-tx-on-invalid-id-201-ignored': { peer: 'cs', versions: V201, description: 'Treats StopTxOnInvalidId as false: an idToken the CSMS answers not Accepted during a transaction only suspends charging (SuspendedEVSE, at once or after MaxEnergyOnInvalidId) instead of deauthorizing the transaction.' },
  'offline-unknown-id-201-refused': { peer: 'cs', versions: V201, description: 'Ignores OfflineTxForUnknownIdEnabled: while offline an idToken it does not know is refused.' },
  'offline-cache-201-not-used': { peer: 'cs', versions: V201, description: 'Ignores LocalAuthorizeOffline: while offline an idToken its cache or local list accepts is refused.' },
  'max-energy-on-invalid-id-201-ignored': { peer: 'cs', versions: V201, description: 'Ignores MaxEnergyOnInvalidId: when the CSMS invalidates the idToken of a running transaction (StopTxOnInvalidId false) it suspends charging at once.' },
  'auth-cache-201-lifetime-ignored': { peer: 'cs', versions: V201, description: 'Keeps authorization cache entries forever, whatever AuthCacheCtrlr.LifeTime says.' },
  'master-pass-201-ui-stops-all': { peer: 'cs', versions: V201, description: 'A master pass on a station with a user interface stops every transaction, whichever one the holder chose on the display.' },
} as const satisfies Record<string, FaultInfo>;
