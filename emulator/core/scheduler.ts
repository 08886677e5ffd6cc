// Every async transition goes through here so close() can cancel all of them and jest exits cleanly.
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  schedule(delayMs: number, task: () => unknown): void {
    if (this.closed) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (this.closed) return;
        void Promise.resolve()
          .then(task)
          .catch((err: unknown) => console.error("emulator: scheduled task failed", err));
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    this.timers.add(timer);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed || ms <= 0) return resolve();
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.timers.add(timer);
    });
  }

  get pending(): number {
    return this.timers.size;
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  close(): void {
    this.closed = true;
    this.clear();
  }
}
