// At most `max` tasks of one fan-out in flight; the rest wait in order. A page reading one object per
// list row (the users list's names) stays one round for a normal page size and never fires a
// hundred calls at MANGOPAY at once. Pure: unit-tested in tests/unit/dashboard/concurrency-gate.test.ts.

export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error("ConcurrencyGate needs max ≥ 1");
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A freed slot is handed to the next waiter directly, so `active` never exceeds `max`.
    if (this.active < this.max) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
