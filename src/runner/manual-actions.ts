/**
 * The manual actions cases ask for (OCTT writes them in [square brackets]): the vocabulary shared by case files,
 * the reference peers' PeerControl (same names), SUT configuration hooks and the interactive prompt. Each has the
 * words a person reads and the parameters a hook receives.
 */
export interface ManualActionInfo {
  /** What a person does, in words. */
  words: string;
  /** Parameter names the action takes. */
  params: readonly string[];
}

export const MANUAL_ACTIONS: Readonly<Record<string, ManualActionInfo>> = {
  reboot: { words: 'Power cycle the charging station (it reboots and connects again)', params: [] },
  plugIn: { words: 'Plug the cable in on both the EV and the station side', params: ['connectorId', 'evseId'] },
  unplug: { words: 'Unplug the cable', params: ['connectorId', 'evseId'] },
  unplugEvSide: { words: 'Disconnect the cable on the EV side only', params: ['connectorId', 'evseId'] },
  presentIdTag: { words: 'Present identification (card, token, start button)', params: ['idTag', 'type', 'connectorId', 'evseId'] },
  fault: { words: 'Put the connector (connectorId 0: the whole station) into a Faulted state', params: ['connectorId', 'evseId', 'errorCode'] },
  clearFault: { words: 'Clear the fault', params: ['connectorId', 'evseId'] },
  suspendEV: { words: 'Let the EV suspend the energy transfer', params: ['connectorId', 'evseId'] },
  resumeEV: { words: 'Let the EV resume the energy transfer', params: ['connectorId', 'evseId'] },
  driveIn: { words: 'Drive the EV into the parking bay', params: ['evseId'] },
  driveOut: { words: 'Drive the EV out of the parking bay', params: ['evseId'] },
  masterPassChoose: { words: "On the station's display, choose the transactions the master pass stops: all of them (all) or one EVSE's", params: ['all', 'evseId'] },
  // The CSMS under test is asked to start an operation (the reference CSMS's control uses the same names).
  remoteStart: { words: 'Make the CSMS start a transaction remotely (RemoteStartTransaction / RequestStartTransaction)', params: ['connectorId', 'evseId', 'idTag'] },
  remoteStop: { words: 'Make the CSMS stop the transaction remotely (RemoteStopTransaction / RequestStopTransaction)', params: ['transactionId'] },
  reset: { words: 'Make the CSMS reset the station', params: ['type'] },
  changeAvailability: { words: 'Make the CSMS change the availability of the station or a connector', params: ['connectorId', 'evseId', 'type'] },
  changeConfiguration: { words: 'Make the CSMS change a configuration key / variable', params: ['key', 'value', 'component', 'variable'] },
  getConfiguration: { words: 'Make the CSMS read configuration keys / variables', params: ['key', 'component', 'variable'] },
  triggerMessage: { words: 'Make the CSMS trigger a message', params: ['requestedMessage', 'connectorId', 'evseId'] },
  unlockConnector: { words: 'Make the CSMS unlock a connector', params: ['connectorId', 'evseId'] },
  csmsSend: { words: 'Make the CSMS send a request to the station', params: ['action', 'payload'] },
  getTransactionStatus: { words: 'Make the CSMS ask the station about the status of a transaction (GetTransactionStatus), or about its queue when no transactionId is given', params: ['transactionId'] },
};

/** The words for an action: the case's own prompt when it gives one, else the vocabulary's. */
export function actionWords(action: string, prompt?: string): string {
  return prompt ?? MANUAL_ACTIONS[action]?.words ?? action;
}
