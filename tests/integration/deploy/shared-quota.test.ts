/** @jest-environment node */
// Several app instances on one database share the MANGOPAY quota ledger: background work on both
// together stops at the protected reserve. Two processes run the app's own client wiring against
// one emulator whose 15-minute quota is small, with latency so many calls are in flight at once.
import { spawn } from "node:child_process";
import path from "node:path";
import { DEFAULT_QUOTA_POLICY } from "@/lib/mangopay/rate-limits";
import type { RateLimitSnapshot } from "@/lib/mangopay/rate-limits";
import { db, dbPool } from "@/lib/server/db";
import { databaseQuotaStore } from "@/lib/server/quota-store";
import { createTestAccount, createTestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

const ROOT = path.resolve(__dirname, "../../..");
const LIMIT_15_MIN = 60;
const RESERVE = Math.ceil(LIMIT_15_MIN * DEFAULT_QUOTA_POLICY.reserveRatio); // 3

type Counts = { ok: number; shed: number; failed: number };

function runInstance(hubId: string, accountId: string, startAt: number): Promise<Counts> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [
        "--conditions=react-server",
        "--tsconfig",
        "tsconfig.json",
        "tests/integration/deploy/fixtures/quota-instance.ts",
        hubId,
        accountId,
        "6",
        String(startAt),
        "20000",
      ],
      { cwd: ROOT, env: { ...process.env, DB_POOL_MAX: "2" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", () => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (!line) return reject(new Error(`instance printed no result:\n${out}`));
      const parsed = JSON.parse(line) as Counts | { error: string };
      if ("error" in parsed) reject(new Error(parsed.error));
      else resolve(parsed);
    });
  });
}

const counted = (remaining: number, countedAtMs: number, limit = LIMIT_15_MIN): RateLimitSnapshot => ({
  observedAt: new Date(countedAtMs),
  buckets: [{ windowMinutes: 15, made: limit - remaining, limit, remaining, resetAt: new Date(countedAtMs + 900_000) }],
});

describe("the MANGOPAY quota ledger in the database", () => {
  it("near the reserve, keeps the lower count of answers MANGOPAY counted in the same second, whatever their arrival order", async () => {
    const key = `ledger-order|${Date.now()}|${Math.random()}`;
    const [first, second] = [databaseQuotaStore(), databaseQuotaStore()];
    const second0 = Math.floor(Date.now() / 1000) * 1000;
    // Two background calls counted in one second left 6 and then 5 calls; the second's answer reaches
    // its instance first, the first's reaches the other instance 50 ms later.
    await second.observe(key, counted(5, second0), null, second0 + 40, "background");
    await first.observe(
      key,
      { ...counted(6, second0), observedAt: new Date(second0 + 90) },
      null,
      second0 + 90,
      "background",
    );
    const row = await db.mangopayQuotaLedger.findUniqueOrThrow({ where: { credentialsKey: key } });
    expect(row.ledger).toMatchObject({ buckets: [{ remaining: 5 }] });
    // 5 left with a reserve of 3: two more background calls between them, then both are shed.
    expect((await first.claim(key, second0 + 100)).ok).toBe(true);
    expect((await second.claim(key, second0 + 101)).ok).toBe(true);
    expect((await first.claim(key, second0 + 102)).ok).toBe(false);
    expect((await second.claim(key, second0 + 103)).ok).toBe(false);
    await db.mangopayQuotaLedger.delete({ where: { credentialsKey: key } });
  });

  it("far from the reserve too, an answer MANGOPAY counted earlier never overwrites a later one that arrived first", async () => {
    const key = `ledger-fast-order|${Date.now()}|${Math.random()}`;
    const [first, second] = [databaseQuotaStore(), databaseQuotaStore()];
    const second0 = Math.floor(Date.now() / 1000) * 1000;
    // Three background answers: 20 left, then 22 (counted earlier in the same second, arriving later
    // at another instance), then 25 (counted a second earlier still).
    await second.observe(key, counted(20, second0), null, second0 + 40, "background");
    await first.observe(
      key,
      { ...counted(22, second0), observedAt: new Date(second0 + 90) },
      null,
      second0 + 90,
      "background",
    );
    await first.observe(
      key,
      { ...counted(25, second0 - 1000), observedAt: new Date(second0 + 95) },
      null,
      second0 + 95,
      "background",
    );
    let row = await db.mangopayQuotaLedger.findUniqueOrThrow({ where: { credentialsKey: key } });
    expect(row.ledger).toMatchObject({ buckets: [{ remaining: 20 }] });
    // A call counted in the next second is newer, even with more calls left (the window slid on).
    await first.observe(key, counted(30, second0 + 1000), null, second0 + 1100, "background");
    row = await db.mangopayQuotaLedger.findUniqueOrThrow({ where: { credentialsKey: key } });
    expect(row.ledger).toMatchObject({ buckets: [{ remaining: 30 }] });
    await db.mangopayQuotaLedger.delete({ where: { credentialsKey: key } });
  });

  it("shows an optional read the ledger another instance wrote, its calls in flight subtracted, and takes no claim", async () => {
    const key = `ledger-peek|${Date.now()}|${Math.random()}`;
    const [writer, reader] = [databaseQuotaStore(), databaseQuotaStore()];
    const t = Date.now();
    expect(await reader.peek(key, t)).toBeNull(); // nothing known yet: not gated
    await writer.observe(key, counted(9, t), null, t, "background");
    expect((await writer.claim(key, t + 1)).ok).toBe(true);
    expect((await writer.claim(key, t + 2)).ok).toBe(true);
    // Reads started together share one SELECT and see the same view: 9 left, 2 in flight.
    const query = jest.spyOn(dbPool(), "query");
    const views = await Promise.all([reader.peek(key, t + 3), reader.peek(key, t + 3), reader.peek(key, t + 3)]);
    expect(views.map((v) => v?.buckets[0]?.remaining)).toEqual([7, 7, 7]);
    expect(query).toHaveBeenCalledTimes(1);
    query.mockRestore();
    const row = await db.mangopayQuotaLedger.findUniqueOrThrow({ where: { credentialsKey: key } });
    expect(Object.keys((row.ledger as { claims: object }).claims)).toHaveLength(2);
    await db.mangopayQuotaLedger.delete({ where: { credentialsKey: key } });
  });
});

describe("the MANGOPAY quota shared by two app instances", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator(16);
  }, 60_000);
  afterAll(() => emulator?.close());

  it("keeps their background reads together above the protected reserve, and both are shed there", async () => {
    const client = emulator.clients[0];
    if (!client) throw new Error("the emulator has no client");
    await emulator.control("POST", "/ratelimit", { limits: [LIMIT_15_MIN, 4500, 8800, 105600] });
    await emulator.control("POST", "/faults", { route: "/users", method: "GET", kind: "latency", latencyMs: 40 });
    const hub = await createTestHub();
    const account = await createTestAccount(hub, {
      baseUrl: emulator.url,
      clientId: client.ClientId,
      apiKey: client.ApiKey,
      access: ["OWNER"],
    });

    // Both start their work at the same moment, once their processes are up.
    const startAt = Date.now() + 8_000;
    const [a, b] = await Promise.all([
      runInstance(hub.hubId, account.id, startAt),
      runInstance(hub.hubId, account.id, startAt),
    ]);
    expect(a.failed + b.failed).toBe(0);
    // Both were stopped by the one ledger, after using the quota between them.
    expect(a.shed).toBeGreaterThanOrEqual(3);
    expect(b.shed).toBeGreaterThanOrEqual(3);
    expect(a.ok + b.ok).toBeGreaterThanOrEqual(LIMIT_15_MIN - RESERVE - 4);

    // MANGOPAY's own count, read with one interactive call (people's pages may use the reserve):
    // the probe costs two calls, its token and the read.
    await emulator.clearFaults();
    const { client: direct } = emulator.client({ clientId: client.ClientId, apiKey: client.ApiKey });
    const res = await direct.request({ method: "GET", path: "/clients" });
    const leftByBackgroundWork = Number(res.headers.get("x-ratelimit-remaining")?.split(",")[0]) + 2;
    expect(leftByBackgroundWork).toBeGreaterThanOrEqual(RESERVE);
    // …and the background work did use the quota down to the reserve, not stop far above it.
    expect(leftByBackgroundWork).toBeLessThanOrEqual(RESERVE + 2);

    const ledger = await db.mangopayQuotaLedger.findMany({
      where: { credentialsKey: { startsWith: `${emulator.url}|${client.ClientId}|` } },
      select: { ledger: true },
    });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]?.ledger).toMatchObject({ claims: {} });
  }, 60_000);
});
