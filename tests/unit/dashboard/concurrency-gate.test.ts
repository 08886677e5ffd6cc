import { ConcurrencyGate } from "@/lib/services/mangopay/concurrency-gate";

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("ConcurrencyGate", () => {
  it("runs at most `max` tasks at once, the rest in order as slots free up", async () => {
    const gate = new ConcurrencyGate(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const blockers = [0, 1, 2, 3, 4].map(() => deferred());
    const runs = blockers.map((b, i) =>
      gate.run(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await b.promise;
        running--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    blockers[1]?.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    // A new caller arriving while others wait queues behind them (no slot stolen).
    const late = gate.run(async () => {
      started.push(99);
      return 99;
    });
    blockers.forEach((b) => b.resolve());
    expect(await Promise.all([...runs, late])).toEqual([0, 1, 2, 3, 4, 99]);
    expect(started).toEqual([0, 1, 2, 3, 4, 99]);
    expect(peak).toBe(2);
  });

  it("frees the slot when a task fails", async () => {
    const gate = new ConcurrencyGate(1);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(gate.run(async () => "next")).resolves.toBe("next");
  });

  it("refuses a limit below one", () => {
    expect(() => new ConcurrencyGate(0)).toThrow();
  });
});
