/**
 * The last `size` message ids a side used: a ring, overwritten oldest first. Asked about for every CALL; a scan
 * of a few dozen strings costs less than keeping a hash of them up to date (an id may be in the ring twice).
 */
export class RecentIds {
  private readonly ring: string[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  has(id: string): boolean {
    return this.ring.includes(id);
  }

  add(id: string): void {
    this.ring[this.next] = id;
    this.next = (this.next + 1) % this.size;
  }
}
