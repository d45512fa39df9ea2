import type { PeerControl } from '../peers/peer-control.js';
import { actionWords } from './manual-actions.js';

/**
 * Carries out the manual actions of a case. Adapters are tried in order (reference peer control, then hooks from
 * the SUT configuration, then an interactive prompt); when none can do an action the case is not-run, and the
 * reason says which action and why each adapter could not.
 */
export interface ActionRequest {
  action: string;
  params: Record<string, unknown>;
  /** The case's words for it, if any. */
  prompt?: string;
  caseId: string;
}

export interface ActionAdapter {
  /** A short name for reasons ("reference peer", "hook", "prompt"). */
  readonly name: string;
  /** Why this adapter cannot do the action, or undefined when it can. */
  unavailable(action: string): string | undefined;
  /** Does it; rejects with an Error saying why it failed. Rejects with ActionSkippedError when a person declined. */
  perform(request: ActionRequest): Promise<void>;
  /**
   * True when the action is done outside the harness's pace and may take longer than a step waits (a person at the
   * prompt, a rig behind a hook): the step waiting for its traffic starts its timeout once the action is done.
   */
  takesItsTime?(action: string): boolean;
}

/** No adapter can perform the action: the case is reported not-run with this reason. */
export class ActionUnavailableError extends Error {
  override readonly name = 'ActionUnavailableError';
}

/** A person at the prompt chose to skip the action. */
export class ActionSkippedError extends Error {
  override readonly name = 'ActionSkippedError';
}

export class AdapterChain implements ActionAdapter {
  readonly name = 'chain';
  constructor(readonly adapters: readonly ActionAdapter[]) {}

  unavailable(action: string): string | undefined {
    const reasons: string[] = [];
    for (const a of this.adapters) {
      const why = a.unavailable(action);
      if (!why) return undefined;
      reasons.push(`${a.name}: ${why}`);
    }
    return reasons.length ? reasons.join('; ') : 'no action adapter is configured (no reference peer, no hook in the SUT configuration, not an interactive terminal)';
  }

  takesItsTime(action: string): boolean {
    return this.adapters.find((a) => !a.unavailable(action))?.takesItsTime?.(action) === true;
  }

  async perform(request: ActionRequest): Promise<void> {
    const adapter = this.adapters.find((a) => !a.unavailable(request.action));
    if (!adapter) {
      throw new ActionUnavailableError(`manual action "${request.action}" (${actionWords(request.action, request.prompt)}) cannot be carried out: ${this.unavailable(request.action)}`);
    }
    await adapter.perform(request);
  }
}

/** Drives a reference peer through its PeerControl; action names are the same vocabulary (manual-actions.ts). */
export class PeerControlAdapter implements ActionAdapter {
  readonly name = 'reference peer';
  constructor(
    private readonly control: PeerControl,
    /** Our action name → the peer's, where they differ. */
    private readonly aliases: Readonly<Record<string, string>> = {},
  ) {}

  private peerName(action: string): string {
    return this.aliases[action] ?? action;
  }

  unavailable(action: string): string | undefined {
    return this.control.actions.includes(this.peerName(action)) ? undefined : `the reference peer has no "${action}" action (it has ${this.control.actions.join(', ') || 'none'})`;
  }

  async perform(request: ActionRequest): Promise<void> {
    await this.control.perform(this.peerName(request.action), request.params);
  }
}
