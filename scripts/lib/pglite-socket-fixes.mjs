// A concurrency fix for @electric-sql/pglite-socket 0.2.17, whose server multiplexes every client
// socket onto PGlite's single backend. Its query queue keeps a socket's messages together only
// inside a transaction; outside one, an extended-protocol batch (Parse/Bind/Describe/Execute … Sync)
// of one socket could be interleaved with another socket's Parse, which replaces the shared unnamed
// statement. Seen as Prisma errors like `bind message supplies 2 parameters, but prepared statement
// "" requires 4` in parallel jest runs. Fix: once a socket starts a batch, serve only that socket
// until its Sync (or until it disconnects). PGLITE_FIX_STATS=1 prints how often it held others.
export const fixStats = { heldForBatch: 0 };

const BATCH_OPEN = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // P B D E C H
const BATCH_CLOSE = new Set([0x53, 0x51]); // S (Sync), Q (simple query: self-contained)

export function pinExtendedProtocolBatches(queue) {
  const open = new Set(); // handler ids in the middle of a batch
  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const pinned = this.lastHandlerId !== null && (this.db.isInTransaction() || open.has(this.lastHandlerId));
        let item;
        if (pinned) {
          const idx = this.queue.findIndex((q) => q.handlerId === this.lastHandlerId);
          if (idx === -1) {
            if (this.queue.length > 0) fixStats.heldForBatch++;
            break; // wait for the pinned socket's next message
          }
          item = this.queue.splice(idx, 1)[0];
        } else {
          item = this.queue.shift();
        }
        const type = item.message[0];
        if (BATCH_CLOSE.has(type)) open.delete(item.handlerId);
        else if (BATCH_OPEN.has(type)) open.add(item.handlerId);
        try {
          let bytes = 0;
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (chunk) => {
                bytes += chunk.length;
                item.onData(chunk);
              },
            }),
          );
          this.lastHandlerId = item.handlerId;
          item.resolve(bytes);
        } catch (err) {
          open.delete(item.handlerId);
          item.reject(err);
        }
      }
    } finally {
      this.processing = false;
    }
  };
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (id) => {
    clearQueueForHandler(id);
    if (open.delete(id) && queue.lastHandlerId === id && !queue.db.isInTransaction()) queue.lastHandlerId = null;
    queueMicrotask(() => queue.processQueue());
  };
}
