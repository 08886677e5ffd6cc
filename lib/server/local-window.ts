// A sliding one-minute-style counter kept in this process (no database round trip): 60 buckets per
// key, each a slice of the window. For caps whose only purpose is to protect this instance from a
// flood (the webhook receiver's per-account cap), where a shared row rewritten on every event would
// itself be the bottleneck. Pure: no server-only import, unit-tested.
import type { LimitCheck } from "./rate-limit";

const SLICES = 60;

type Slots = { counts: number[]; slice: number; total: number };

export class LocalWindowCounter {
  private readonly keys = new Map<string, Slots>();

  constructor(
    /** Events allowed per window; read on each hit so a setting applies at once. 0: no cap. */
    private readonly limit: () => number,
    readonly windowMs: number,
  ) {}

  private sliceMs(): number {
    return this.windowMs / SLICES;
  }

  /** Counts one event for `key` unless the window is full; the verdict. */
  hit(key: string, nowMs = Date.now()): LimitCheck {
    const limit = this.limit();
    if (limit <= 0) return { allowed: true };
    const slice = Math.floor(nowMs / this.sliceMs());
    let slots = this.keys.get(key);
    if (!slots) {
      slots = { counts: new Array<number>(SLICES).fill(0), slice, total: 0 };
      this.keys.set(key, slots);
    }
    // Slices that left the window since the last hit are emptied.
    for (let s = slots.slice + 1; s <= slice && s <= slots.slice + SLICES; s++) {
      const i = s % SLICES;
      slots.total -= slots.counts[i] ?? 0;
      slots.counts[i] = 0;
    }
    slots.slice = Math.max(slots.slice, slice);
    if (slots.total >= limit) {
      // Allowed again once the oldest non-empty slice leaves the window.
      for (let s = slice - SLICES + 1; s <= slice; s++) {
        if ((slots.counts[((s % SLICES) + SLICES) % SLICES] ?? 0) > 0)
          return { allowed: false, retryAfterMs: Math.max(1, (s + SLICES) * this.sliceMs() - nowMs) };
      }
      return { allowed: false, retryAfterMs: this.sliceMs() };
    }
    const i = slice % SLICES;
    slots.counts[i] = (slots.counts[i] ?? 0) + 1;
    slots.total += 1;
    return { allowed: true };
  }
}
