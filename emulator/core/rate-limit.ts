// MANGOPAY's four sliding buckets (15 min, 30 min, 1 h, 24 h). Counts live in a ring of one-minute
// slots with running sums, so counting a call is O(1) on the hot path.
export const WINDOW_MINUTES = [15, 30, 60, 1440] as const;
export const DEFAULT_LIMITS: readonly number[] = [2300, 4500, 8800, 105600];

export interface RateLimitState {
  made: number[];
  remaining: number[];
  reset: number[];
  exceeded: boolean;
}

class ClientBuckets {
  private readonly slots = new Int32Array(1440);
  private readonly sums = [0, 0, 0, 0];
  private minute = -1;

  private advance(minute: number): void {
    if (this.minute < 0 || minute - this.minute >= 1440) {
      this.slots.fill(0);
      this.sums.fill(0);
      this.minute = minute;
      return;
    }
    while (this.minute < minute) {
      this.minute += 1;
      for (let i = 0; i < 3; i++) this.sums[i] -= this.slots[(this.minute - WINDOW_MINUTES[i] + 1440) % 1440];
      const slot = this.minute % 1440;
      this.sums[3] -= this.slots[slot];
      this.slots[slot] = 0;
    }
  }

  count(minute: number, add: boolean): number[] {
    this.advance(minute);
    if (add) {
      this.slots[minute % 1440] += 1;
      for (let i = 0; i < 4; i++) this.sums[i] += 1;
    }
    return this.sums;
  }
}

export class RateLimiter {
  private limits: number[] = [...DEFAULT_LIMITS];
  /** The limits the emulator started with (`--rate-limits`): what the control API's reset restores. */
  private startLimits: number[] = [...DEFAULT_LIMITS];
  private readonly buckets = new Map<string, ClientBuckets>();

  setStartLimits(limits: readonly number[]): void {
    this.startLimits = [...limits];
    this.limits = [...limits];
  }

  getStartLimits(): readonly number[] {
    return this.startLimits;
  }

  setLimits(limits: readonly number[]): void {
    this.limits = [...limits];
  }

  getLimits(): readonly number[] {
    return this.limits;
  }

  reset(): void {
    this.buckets.clear();
  }

  /** Counts one call for `clientKey` (unless over quota) and returns the header values. */
  hit(clientKey: string, nowMs: number, count = true): RateLimitState {
    let b = this.buckets.get(clientKey);
    if (!b) {
      b = new ClientBuckets();
      this.buckets.set(clientKey, b);
    }
    const minute = Math.floor(nowMs / 60000);
    const before = b.count(minute, false);
    const exceeded = count && before.some((made, i) => made >= this.limits[i]);
    const made = b.count(minute, count && !exceeded);
    return this.render(made, nowMs, exceeded);
  }

  /** Headers for a forced 429 (fault injection): every bucket shows as used up. */
  exhausted(nowMs: number): RateLimitState {
    return this.render(this.limits, nowMs, true);
  }

  private render(made: readonly number[], nowMs: number, exceeded: boolean): RateLimitState {
    const now = Math.floor(nowMs / 1000);
    return {
      made: [...made],
      remaining: made.map((m, i) => Math.max(0, this.limits[i] - m)),
      // Sliding windows empty out one full window after the latest call.
      reset: WINDOW_MINUTES.map((w) => now + w * 60),
      exceeded,
    };
  }
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit": state.made.join(", "),
    "X-RateLimit-Remaining": state.remaining.join(", "),
    "X-RateLimit-Reset": state.reset.join(", "),
  };
}
