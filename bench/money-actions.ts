// Money-action benchmark (not a timed test): each money service verb — the code a server action runs
// after its session check — against a real database (PGlite) and the emulator behind a recording
// proxy that adds 100 ms to every MANGOPAY call. Per action: server time (median of N runs), MANGOPAY
// calls per run (reads that verify the named objects + the one write) and the cold run's calls with the
// OAuth token (token cache emptied first). Goal: one MANGOPAY write per action, plus the token when cold.
//
//   npm run bench -- money            (BENCH_RUNS=N, BENCH_LATENCY_MS=N)
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import * as stackModule from "../scripts/lib/stack.mjs";
import { median, pad, startRecordingProxy, type RecordedCall } from "./lib/recording-proxy";

// Services start with `import "server-only"`, which only the react-server condition resolves to a no-op.
if (!process.execArgv.includes("--conditions=react-server")) {
  const res = spawnSync(
    path.join(import.meta.dirname, "../node_modules/.bin/tsx"),
    ["--conditions=react-server", import.meta.filename],
    { stdio: "inherit", env: process.env },
  );
  process.exit(res.status ?? 1);
}

type Env = Record<string, string | undefined>;
const stack = stackModule as unknown as {
  startPglite(opts: { dataDir: string; port: number; env: Env; quiet: boolean }): Promise<{ url: string }>;
  stopAll(): Promise<void>;
};

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);

async function main() {
  Object.assign(process.env, {
    NODE_ENV: "production",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    MANGOPAY_ALLOW_PRIVATE_HOSTS: "true",
  });
  const db = await stack.startPglite({ dataDir: "memory://", port: 0, env: process.env, quiet: true });
  process.env.DATABASE_URL = db.url;
  const { migrate } = await import("../lib/server/migrate");
  await migrate({ connectionString: db.url });
  const { startEmulator } = await import("../emulator/server");
  const emulator = await startEmulator({ port: 0, seed: 1, seedUsers: 10 });
  const proxy = await startRecordingProxy(emulator.url, LATENCY_MS);

  const { createTestAccount, createTestHub, accountContextFor } = await import("../tests/integration/hub/factories");
  const { buildWorld } = await import("../tests/integration/mangopay/world");
  const { createMangopayClient } = await import("../lib/mangopay/client");
  const { createWallet } = await import("../lib/services/wallets/create");
  const { createBankWirePayIn } = await import("../lib/services/payins/create-bank-wire");
  const { createCardPayIn } = await import("../lib/services/payins/create-card");
  const { createTransfer } = await import("../lib/services/transfers/create");
  const { createPayout } = await import("../lib/services/payouts/create");
  const { createRefund } = await import("../lib/services/refunds/create");
  const { listOperations } = await import("../lib/services/operations/list");

  const clients = (await (await fetch(`${emulator.url}/_emulator/clients`)).json()) as {
    ClientId: string;
    ApiKey: string;
  }[];
  const mk = clients.find((c) => c.ClientId === "demo-marketplace") ?? clients[0];
  if (!mk) throw new Error("no emulator client");
  const direct = createMangopayClient(
    { clientId: mk.ClientId, apiKey: mk.ApiKey, baseUrl: emulator.url },
    { addressPolicy: { allowPrivateHosts: true } },
  );
  const world = await buildWorld(direct);
  const hub = await createTestHub();
  const account = await createTestAccount(hub, {
    baseUrl: proxy.url,
    clientId: mk.ClientId,
    apiKey: mk.ApiKey,
    access: ["OPERATOR"],
  });
  const ctx = accountContextFor(hub, "OPERATOR", account);
  const key = () => ({ accountId: account.id, operationKey: randomUUID() });
  const forgetTokens = () =>
    (globalThis as Record<symbol, Map<string, unknown> | undefined>)[
      Symbol.for("mangopay-dashboard.account-states")
    ]?.clear();

  const actions: [string, () => Promise<unknown>][] = [
    [
      "create wallet",
      () => createWallet({ ctx, input: { ...key(), userId: world.owner.Id, currency: "EUR", description: "Bench" } }),
    ],
    [
      "bank-wire pay-in",
      () => createBankWirePayIn({ ctx, input: { ...key(), walletId: world.ownerWallet.Id, amount: "10" } }),
    ],
    [
      "card pay-in",
      () =>
        createCardPayIn({
          ctx,
          input: { ...key(), walletId: world.payerWallet.Id, cardId: world.card.Id, amount: "20" },
        }),
    ],
    [
      "transfer",
      () =>
        createTransfer({
          ctx,
          input: { ...key(), walletId: world.payerWallet.Id, creditedWalletId: world.ownerWallet.Id, amount: "5" },
        }),
    ],
    [
      "payout",
      () =>
        createPayout({
          ctx,
          input: { ...key(), walletId: world.ownerWallet.Id, bankAccountId: world.bankAccount.Id, amount: "1" },
        }),
    ],
    [
      "refund (partial)",
      () =>
        createRefund({
          ctx,
          input: { ...key(), transactionId: world.payIn.Id, kind: "PAYIN", amount: "0.01", reason: "Bench" },
        }),
    ],
    ["operations log (view)", () => listOperations({ ctx, input: {} })],
  ];

  console.log(`${RUNS} runs per action, ${LATENCY_MS} ms added to each MANGOPAY call\n`);
  console.log(
    `${"action".padEnd(22)} ${pad("median ms", 10)} ${pad("calls/run", 10)} ${pad("writes", 7)} ${pad("reads", 6)}   cold run (token emptied)`,
  );
  for (const [name, run] of actions) {
    forgetTokens();
    let from = proxy.calls.length;
    await run();
    const cold = proxy.calls.slice(from);
    const times: number[] = [];
    const perRun: RecordedCall[][] = [];
    for (let i = 0; i < RUNS; i += 1) {
      from = proxy.calls.length;
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
      perRun.push(proxy.calls.slice(from));
    }
    const last = perRun[perRun.length - 1] ?? [];
    const writes = last.filter((c) => c.method !== "GET" && !c.path.includes("oauth")).length;
    const coldToken = cold.filter((c) => c.path.includes("oauth")).length;
    console.log(
      `${name.padEnd(22)} ${pad(median(times).toFixed(0), 10)} ${pad(median(perRun.map((r) => r.length)), 10)} ${pad(writes, 7)} ${pad(last.length - writes, 6)}   ${cold.length} calls (${coldToken} token)`,
    );
  }
  await proxy.close();
  await emulator.close();
  await stack.stopAll();
  process.exit(0);
}

main().catch(async (err: unknown) => {
  console.error(err);
  await stack.stopAll();
  process.exit(1);
});
