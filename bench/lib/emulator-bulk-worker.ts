// Child process of bench/emulator.ts: bulk-seeds one client and prints one JSON line with time and
// memory, then list latencies at that size over real HTTP. Run alone: tsx bench/lib/emulator-bulk-worker.ts N USERS.
import { Emulator } from "../../emulator/core/emulator";
import { bulkSeed } from "../../emulator/seed/bulk-seed";
import { startEmulatorFor } from "./emulator-harness";

async function main(): Promise<void> {
  const transactions = Number(process.argv[2] ?? 1_000_000);
  const users = Number(process.argv[3] ?? 100_000);
  const emu = new Emulator({ seed: null, delays: { payoutMs: null, directDebitMs: null, mandateMs: null } });
  const store = [...emu.clients.values()][0];
  let peakHeap = 0;
  const started = performance.now();
  const result = bulkSeed(emu, store, {
    users,
    transactions,
    onProgress: () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)),
  });
  const seedMs = performance.now() - started;
  global.gc?.();
  const after = process.memoryUsage();
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  const running = await startEmulatorFor(emu);
  const userId = [...store.users.keys()][Math.floor(users / 2)];
  const walletId = [...store.idx.walletsByUser.get(userId)][0];
  const ids = [...store.transactions.keys()];
  const payinId = ids.slice(ids.length >> 1).find((id) => store.transactions.get(id)?.Type === "PAYIN") ?? ids[0];
  const latency = {
    userTransactionsMs: await timed(
      `${running.url}/v2.01/${store.info.ClientId}/users/${userId}/transactions?per_page=100`,
      running.auth,
    ),
    walletTransactionsStatusMs: await timed(
      `${running.url}/v2.01/${store.info.ClientId}/wallets/${walletId}/transactions?per_page=100&Status=SUCCEEDED&Type=PAYIN,TRANSFER`,
      running.auth,
    ),
    eventsRecentMs: await timed(
      `${running.url}/v2.01/${store.info.ClientId}/events?per_page=100&Sort=Date:DESC&AfterDate=${emu.clock.now() - 7 * 86400}`,
      running.auth,
    ),
    payinByIdMs: await timed(`${running.url}/v2.01/${store.info.ClientId}/payins/${payinId}`, running.auth),
  };
  await running.close();
  process.stdout.write(
    `${JSON.stringify({
      ...result,
      seedMs: Math.round(seedMs),
      peakRssMb,
      peakHeapMb: Math.round(peakHeap / 1e6),
      heapAfterMb: Math.round(after.heapUsed / 1e6),
      latency,
    })}\n`,
  );
}

async function timed(url: string, auth: string, runs = 20): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: auth } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return Math.round(ms[runs >> 1] * 10) / 10;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
