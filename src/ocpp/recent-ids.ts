/**
 * The last `size` message ids a side used, oldest first out. Membership is asked for every CALL, so it is a
 * counted map rather than a scan of the list (an id may be in the window more than once).
 */
export class RecentIds {
  private readonly order: string[] = [];
  private readonly counts = new Map<string, number>();

  constructor(private readonly size: number) {}

  has(id: string): boolean {
    return this.counts.has(id);
  }

  add(id: string): void {
    this.order.push(id);
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    if (this.order.length <= this.size) return;
    const oldest = this.order.shift() as string;
    const left = (this.counts.get(oldest) as number) - 1;
    if (left === 0) this.counts.delete(oldest);
    else this.counts.set(oldest, left);
  }
}
