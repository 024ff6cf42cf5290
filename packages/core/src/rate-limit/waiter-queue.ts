/**
 * The requests of one bucket waiting for their turn, in order. A waiter is one small record (no timer of its own
 * unless its call set a timeout), so 10 000 waiting calls hold flat memory; an abandoned waiter is skipped, not
 * searched for.
 */

/** One call waiting for its turn. */
export interface Waiter {
  /** Lets the call go; false when it had already given up (aborted, timed out). */
  grant(): boolean;
  /** Whether it has given up. */
  readonly settled: boolean;
}

/** A FIFO of waiters with a head index (shifting an array of 10 000 would copy it each time). */
export class WaiterQueue {
  private items: (Waiter | undefined)[] = [];
  private head = 0;
  /** The timer that asks the store again, while one is set. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether a pump is asking the store now. */
  busy = false;

  /** Whether nobody is waiting and nothing is under way. */
  idle(): boolean {
    return this.first() === undefined && !this.busy && this.timer === undefined;
  }

  push(waiter: Waiter): void {
    this.items.push(waiter);
  }

  /** The first waiter still waiting, dropping those that gave up. */
  first(): Waiter | undefined {
    while (this.head < this.items.length && (this.items[this.head] as Waiter).settled) this.items[this.head++] = undefined;
    if (this.head > 1_024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return this.items[this.head];
  }

  /** Lets the first waiter go. */
  grantFirst(): void {
    const waiter = this.first();
    if (waiter === undefined) return;
    this.items[this.head++] = undefined;
    waiter.grant();
  }
}
