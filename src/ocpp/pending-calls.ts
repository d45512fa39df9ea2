/** A CALL waiting for its answer: its action, and when it was seen (ms). */
export interface PendingCall {
  action: string;
  at: number;
}

/**
 * One side's CALLs waiting for an answer, oldest first, by message id. Nearly always none or one (OCPP-J allows one
 * at a time), so a lone CALL sits in a slot of its own: a Map emptied by every answer would rebuild its hash table
 * each time. Two or more go into the Map, in order.
 */
export class PendingCalls {
  /** Set only while `more` is empty. */
  private lone: [string, PendingCall] | undefined;
  private readonly more = new Map<string, PendingCall>();

  get size(): number {
    return this.lone ? 1 : this.more.size;
  }

  get(id: string): PendingCall | undefined {
    return this.lone ? (this.lone[0] === id ? this.lone[1] : undefined) : this.more.get(id);
  }

  /** Adds a CALL; one with the same id keeps its place and takes the new value (as Map.set does). */
  set(id: string, call: PendingCall): void {
    if (this.lone) {
      if (this.lone[0] === id) {
        this.lone[1] = call;
        return;
      }
      this.more.set(this.lone[0], this.lone[1]);
      this.lone = undefined;
      this.more.set(id, call);
    } else if (this.more.size === 0) {
      this.lone = [id, call];
    } else {
      this.more.set(id, call);
    }
  }

  delete(id: string): void {
    if (this.lone) {
      if (this.lone[0] === id) this.lone = undefined;
    } else {
      this.more.delete(id);
    }
  }

  /** Oldest first; deleting while iterating is safe, as with a Map. */
  *[Symbol.iterator](): IterableIterator<[string, PendingCall]> {
    if (this.lone) yield this.lone;
    else yield* this.more;
  }

  oldest(): [string, PendingCall] | undefined {
    return this[Symbol.iterator]().next().value;
  }
}
