// Dashboard-action benchmark (not a timed test): each service verb — the code a server action runs
// after its session check — against a real database (PGlite) and the emulator behind a recording
// proxy that adds 100 ms to every MANGOPAY call. Money actions first, then the actions that move no
// money (bench/lib/other-actions.ts). Per action: server time (median of N runs), MANGOPAY calls per
// run (reads that verify the named objects + the write) and the cold run's calls with the OAuth token
// (token cache emptied first). Goal: one MANGOPAY write per action, plus the token when cold; the
// note column says which ownership reads an action needs.
//
//   npm run bench -- money            (BENCH_RUNS=N, BENCH_LATENCY_MS=N, BENCH_SHOW_CALLS=1 lists each call)
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import * as stackModule from "../scripts/lib/stack.mjs";
import { otherActions, type BenchAction } from "./lib/other-actions";
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
const SHOW_CALLS = process.env.BENCH_SHOW_CALLS === "1";

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
    access: ["OPERATOR", "DEVELOPER"],
  });
  const ctx = accountContextFor(hub, "OPERATOR", account);
  const key = () => ({ accountId: account.id, operationKey: randomUUID() });
  const forgetTokens = () =>
    (globalThis as Record<symbol, Map<string, unknown> | undefined>)[
      Symbol.for("mangopay-dashboard.account-states")
    ]?.clear();

  const money: [string, () => Promise<unknown>][] = [
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
  const moneyNotes: Record<string, string> = {
    "create wallet": "+1 ownership read: the user",
    "bank-wire pay-in": "+1 ownership read: the wallet",
    "card pay-in": "+2 ownership reads: the wallet, the card (of the wallet's owner, valid)",
    transfer: "+2 ownership reads: both wallets",
    payout: "+2 ownership reads: the wallet, the bank account (of its owner, active)",
    "refund (partial)": "+2 reads: the pay-in and its earlier refunds (what is left to refund)",
    "operations log (view)": "no MANGOPAY call unless a PENDING row is shown",
  };
  const actions: BenchAction[] = [
    ...money.map(([name, run]) => ({ name, prepare: async () => run, note: moneyNotes[name] })),
    ...(await otherActions({
      accountId: account.id,
      operator: ctx,
      developer: accountContextFor(hub, "DEVELOPER", account),
      world,
      direct,
      emulatorUrl: emulator.url,
      clientId: mk.ClientId,
    })),
  ];

  console.log(`${RUNS} runs per action, ${LATENCY_MS} ms added to each MANGOPAY call\n`);
  console.log(
    `${"action".padEnd(24)} ${pad("median ms", 10)} ${pad("calls/run", 10)} ${pad("writes", 7)} ${pad("reads", 6)}   ${"cold run (token emptied)".padEnd(26)} note`,
  );
  for (const { name, prepare, note } of actions) {
    forgetTokens();
    let run = await prepare();
    let from = proxy.calls.length;
    await run();
    const cold = proxy.calls.slice(from);
    const times: number[] = [];
    const perRun: RecordedCall[][] = [];
    for (let i = 0; i < RUNS; i += 1) {
      run = await prepare();
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
      `${name.padEnd(24)} ${pad(median(times).toFixed(0), 10)} ${pad(median(perRun.map((r) => r.length)), 10)} ${pad(writes, 7)} ${pad(last.length - writes, 6)}   ${`${cold.length} calls (${coldToken} token)`.padEnd(26)} ${note ?? ""}`,
    );
    if (SHOW_CALLS)
      for (const c of last) console.log(`${"".padEnd(26)}${c.method} ${c.path.replace(/^\/v2\.01\/[^/]+/, "")}`);
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
