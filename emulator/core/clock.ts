// Emulator time. An offset lets control endpoints age the clock without touching Date.
export class Clock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Unix seconds, as MANGOPAY timestamps are. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  get offsetSeconds(): number {
    return Math.floor(this.offsetMs / 1000);
  }
}
