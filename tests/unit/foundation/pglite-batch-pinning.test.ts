/** @jest-environment node */
import { pinExtendedProtocolBatches } from "../../../scripts/lib/pglite-socket-fixes.mjs";

type Item = {
  handlerId: number;
  message: Uint8Array;
  resolve: (n: number) => void;
  reject: (e: unknown) => void;
  onData: (c: Uint8Array) => void;
};

/** A queue shaped like pglite-socket's QueryQueueManager, over a fake single backend that logs order. */
function fakeQueue() {
  const executed: string[] = [];
  const queue = {
    queue: [] as Item[],
    processing: false,
    lastHandlerId: null as number | null,
    db: {
      isInTransaction: () => false,
      runExclusive: async (fn: () => Promise<unknown>) => fn(),
      execProtocolRawStream: async (msg: Uint8Array) => {
        await new Promise((r) => setImmediate(r));
        executed.push(String.fromCharCode(msg[0] ?? 0) + (msg[1] ?? 0));
      },
    },
    processQueue: async () => undefined,
    clearQueueForHandler(id: number) {
      this.queue = this.queue.filter((q) => q.handlerId !== id);
    },
    enqueue(handlerId: number, type: string) {
      return new Promise<number>((resolve, reject) => {
        this.queue.push({
          handlerId,
          message: new Uint8Array([type.charCodeAt(0), handlerId]),
          resolve,
          reject,
          onData: () => undefined,
        });
        void this.processQueue();
      });
    },
  };
  pinExtendedProtocolBatches(queue);
  return { queue, executed };
}

/** One socket sending its batch message by message, as pglite-socket's handler does. */
async function sendBatch(q: ReturnType<typeof fakeQueue>["queue"], id: number) {
  for (const t of ["P", "B", "D", "E", "S"]) await q.enqueue(id, t);
}

describe("pglite-socket batch pinning", () => {
  it("runs each socket's Parse…Sync batch without another socket's messages in between", async () => {
    const { queue, executed } = fakeQueue();
    await Promise.all([sendBatch(queue, 1), sendBatch(queue, 2), sendBatch(queue, 3)]);
    expect(executed).toHaveLength(15);
    const owners = executed.map((e) => e.slice(1));
    for (let i = 0; i < 15; i += 5) expect(new Set(owners.slice(i, i + 5)).size).toBe(1);
  });

  it("releases the pin when the batch's socket disconnects mid-batch", async () => {
    const { queue, executed } = fakeQueue();
    await queue.enqueue(1, "P"); // socket 1 opens a batch, then goes away
    const other = sendBatch(queue, 2);
    await new Promise((r) => setImmediate(r));
    queue.clearQueueForHandler(1);
    await other;
    expect(executed).toEqual(["P1", "P2", "B2", "D2", "E2", "S2"]);
  });
});
