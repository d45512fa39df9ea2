/**
 * The manual actions cases ask for (OCTT writes them in [square brackets]): the vocabulary shared by case files,
 * the reference peers' PeerControl, SUT configuration hooks and the interactive prompt. Each has the words a
 * person reads and the parameters a hook receives.
 */
export interface ManualActionInfo {
  /** What a person does, in words. */
  words: string;
  /** Parameter names the action takes. */
  params: readonly string[];
}

export const MANUAL_ACTIONS: Readonly<Record<string, ManualActionInfo>> = {
  powerCycle: { words: 'Power cycle the charging station (it reboots and connects again)', params: [] },
  plugIn: { words: 'Plug the cable in on both the EV and the station side', params: ['connectorId', 'evseId'] },
  unplug: { words: 'Unplug the cable', params: ['connectorId', 'evseId'] },
  unplugEvSide: { words: 'Disconnect the cable on the EV side only', params: ['connectorId', 'evseId'] },
  presentIdTag: { words: 'Present identification (card, token, start button)', params: ['idTag', 'type', 'connectorId', 'evseId'] },
  faultConnector: { words: 'Put the connector into a Faulted state', params: ['connectorId', 'evseId'] },
  clearFault: { words: 'Clear the fault', params: ['connectorId', 'evseId'] },
  suspendByEv: { words: 'Let the EV suspend the energy transfer', params: ['connectorId', 'evseId'] },
  resumeByEv: { words: 'Let the EV resume the energy transfer', params: ['connectorId', 'evseId'] },
  driveIn: { words: 'Drive the EV into the parking bay', params: ['evseId'] },
  driveOut: { words: 'Drive the EV out of the parking bay', params: ['evseId'] },
  csmsSend: { words: 'Make the CSMS send a request to the station', params: ['action', 'payload'] },
};

/** The words for an action: the case's own prompt when it gives one, else the vocabulary's. */
export function actionWords(action: string, prompt?: string): string {
  return prompt ?? MANUAL_ACTIONS[action]?.words ?? action;
}
