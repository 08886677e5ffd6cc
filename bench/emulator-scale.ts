// Scale-seed benchmark: time and peak memory of `--scale users=100000,transactions=1000000`,
// then list and export latency at that size over real HTTP. `npx tsx bench/emulator-scale.ts [users] [tx]`.
// Measures only; nothing here asserts a speed.
import { startEmulator } from "../emulator/server";
import { scaleClient } from "../emulator/seed/scale-seed";

const users = Number(process.argv[2] ?? 100_000);
const transactions = Number(process.argv[3] ?? 1_000_000);

async function timed(label: string, url: string, auth: string, runs = 15): Promise<void> {
  const ms: number[] = [];
  let items = "";
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: auth } });
    await res.arrayBuffer();
    ms.push(performance.now() - t);
    items = res.headers.get("x-number-of-items") ?? "";
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} p50 ${ms[Math.floor(runs / 2)].toFixed(1).padStart(7)} ms  p95 ${ms[Math.floor(runs * 0.95)].toFixed(1).padStart(7)} ms  items ${items}`,
  );
}

async function main(): Promise<void> {
  const emu = await startEmulator({ port: 0, seed: 1, delays: { reportMs: 0 } });
  const store = [...emu.emulator.clients.values()][0];
  const result = scaleClient(emu.emulator, store, { users, transactions });
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`scale seed: ${JSON.stringify(result)}`);
  console.log(`scale seed: ${result.ms} ms, peak RSS ${peakRssMb} MB, heap after ${result.heapUsedMb} MB`);

  const auth = `Basic ${Buffer.from(`${store.info.ClientId}:${store.info.ApiKey}`).toString("base64")}`;
  const base = `${emu.url}/v2.01/${store.info.ClientId}`;
  const someUser = [...store.users.keys()][store.users.size - 5];
  const someWallet = store.idx.walletsByUser.get(someUser)[0];
  await timed("GET /users?page=500&per_page=100", `${base}/users?page=500&per_page=100`, auth);
  await timed("GET /users/{id}/transactions", `${base}/users/${someUser}/transactions?per_page=100`, auth);
  await timed(
    "GET /wallets/{id}/transactions?Status=SUCCEEDED",
    `${base}/wallets/${someWallet}/transactions?Status=SUCCEEDED`,
    auth,
  );
  await timed("GET /disputes?per_page=100&page=3", `${base}/disputes?per_page=100&page=3`, auth);
  await timed(
    "GET /disputes?Status=CLOSED&DisputeType=CONTESTABLE",
    `${base}/disputes?Status=CLOSED&DisputeType=CONTESTABLE`,
    auth,
  );
  await timed("GET /kyc/documents?Status=VALIDATED", `${base}/kyc/documents?Status=VALIDATED&per_page=100`, auth);
  await timed(
    "GET /events?EventType=PAYIN_NORMAL_SUCCEEDED",
    `${base}/events?EventType=PAYIN_NORMAL_SUCCEEDED&per_page=100`,
    auth,
    5,
  );
  await timed(
    "GET /clients/wallets/FEES/EUR/transactions",
    `${base}/clients/wallets/FEES/EUR/transactions?per_page=100`,
    auth,
    5,
  );

  const now = Math.floor(Date.now() / 1000);
  const t = performance.now();
  const created = await fetch(`${base}/reporting/reports`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: JSON.stringify({ ReportType: "COLLECTED_FEES", AfterDate: now - 360 * 86_400, BeforeDate: now + 60 }),
  });
  const report = (await created.json()) as { Id: string; DownloadURL: string | null };
  const ready = (await (
    await fetch(`${base}/reporting/reports/${report.Id}`, { headers: { authorization: auth } })
  ).json()) as { DownloadURL: string };
  const csv = await (await fetch(ready.DownloadURL)).arrayBuffer();
  console.log(
    `COLLECTED_FEES report over a year: ${(performance.now() - t).toFixed(0)} ms, ${(csv.byteLength / 1e6).toFixed(1)} MB CSV, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  await emu.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
