/**
 * How the runner's action adapter drives a reference peer: the "manual actions" of OCTT cases
 * (plug in the EV, present an idTag, power-cycle, make the CSMS send a request ...).
 */
export interface PeerControl {
  /** The manual action names this peer can perform, e.g. ['plugIn', 'unplug', 'presentIdTag', 'reboot', 'fault']. */
  readonly actions: readonly string[];
  /**
   * Performs a manual action. Resolves when the action was carried out (not when the resulting OCPP traffic ended);
   * rejects with an Error whose message says why it could not be done.
   */
  perform(action: string, params?: Record<string, unknown>): Promise<void>;
}
