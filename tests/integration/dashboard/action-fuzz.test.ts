/** @jest-environment node */
// Malformed input against every server action of the account dashboard, found by walking
// app/(dashboard) for "use server" files (as the action matrix does), so actions added later are
// fuzzed too. Each action gets ≥ 200 hostile payloads — wrong types, negative / huge / fractional
// amounts, foreign currencies, other accounts' ids, oversized strings, control characters — as an
// Owner (every permission). Expected: every call answers a refusal (no throw, no INTERNAL error), no
// MANGOPAY write goes out, schema refusals make no MANGOPAY call at all, and not one row changes in
// any table of the database.
import fs from "node:fs";
import path from "node:path";
import { defaultCallRecorder } from "@/lib/mangopay/recorder";
import { db } from "@/lib/server/db";
import { actAs, emulatorClient, serverActionFiles } from "../hub/action-session";
import { createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { countAllRows } from "./money-world";

afterAll(() => db.$disconnect());

// The session is faked (action-session.ts); jest.mock is hoisted, so it loads the factories itself.
jest.mock("@/lib/server/auth", () => jest.requireActual("../hub/action-session").authWithFakeSession());
jest.mock("@/lib/server/context", () => jest.requireActual("../hub/action-session").contextWithFakeSession());
jest.mock("next/cache", () => jest.requireActual("../hub/action-session").cacheWithoutNext());

type Result = { ok: boolean; code?: string };
type Action = (prev: null, payload: unknown) => Promise<Result>;

const DASHBOARD = path.join(process.cwd(), "app", "(dashboard)");
const actionFiles = serverActionFiles(DASHBOARD);
const discovered = actionFiles.flatMap((file) =>
  [...fs.readFileSync(file, "utf8").matchAll(/export\s+const\s+(\w+Action)\b/g)].map((m) => ({
    key: `${path.relative(DASHBOARD, file)}#${m[1]}`,
    file,
    name: m[1] ?? "",
  })),
);

// A small deterministic PRNG, so a failure can be replayed.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let hub: TestHub;
let other: TestHub;
let accountId: string;
let foreignAccountId: string;

beforeAll(async () => {
  const url = process.env.EMULATOR_URL ?? "";
  const client = await emulatorClient(url);
  hub = await createTestHub();
  other = await createTestHub();
  accountId = (
    await createTestAccount(hub, { baseUrl: url, clientId: client.ClientId, apiKey: client.ApiKey, access: ["OWNER"] })
  ).id;
  foreignAccountId = (await createTestAccount(other, { baseUrl: url, access: ["OWNER"] })).id;
});

/**
 * Values no sane schema accepts for any field: wrong types, an oversized string, a control character.
 * Free text is never generated, so a payload cannot be valid by chance for a text field.
 */
const ANY_FIELD: (() => unknown)[] = [
  () => -1,
  () => 1.5,
  () => Number.MAX_SAFE_INTEGER * 10,
  () => Number.NaN,
  () => true,
  () => null,
  () => [],
  () => ["100000001", "100000002"],
  () => ({ nested: { $gt: "" } }),
  () => "x".repeat(100_000),
  () => "9".repeat(5_000),
  () => "a\u0000b",
  () => "line\r\nbreak\u0007",
];
const BAD_AMOUNT = [
  "-5",
  "-0.01",
  "0",
  "0.00",
  "1e9",
  "99999999999999999999",
  "12.345",
  "NaN",
  "Infinity",
  "0x10",
  "١٢",
  "5 EUR",
  "",
];
const BAD_CURRENCY = ["XXX", "BTC", "eur", "EURO", "€", ""];
const BAD_ID = ["../../etc/passwd", "1 OR 1=1", "<script>alert(1)</script>", "\u202eevil", "a".repeat(200), "", " "];
/** Well-formed ids that name nothing of this account: they pass the schema and reach the ownership checks. */
const FOREIGN_ID = ["999999991", "user_m_01FOREIGN", "987654321"];

const FIELD_VALUES: Record<string, (() => unknown)[]> = {
  operationKey: [() => "not-a-uuid", () => crypto.randomUUID()],
  amount: BAD_AMOUNT.map((v) => () => v),
  fees: ["-1", "1.001", "1e3", "abc"].map((v) => () => v),
  currency: BAD_CURRENCY.map((v) => () => v),
  kind: ["BTC", "payin", "REFUND", ""].map((v) => () => v),
  method: ["CASH", "transfer", ""].map((v) => () => v),
  mode: ["WARP", "instant"].map((v) => () => v),
  bankWireRef: ["THIRTEEN CHARS", "ref;drop", "é"].map((v) => () => v),
  grants: [() => ["payouts.create", "hub.team.manage"], () => ["*"]],
  carrier: ["dhl express", "<b>UPS</b>", "OTHER_CODE", "X"].map((v) => () => v),
};
const ID_FIELDS = [
  "walletId",
  "creditedWalletId",
  "userId",
  "bankAccountId",
  "mandateId",
  "cardId",
  "transactionId",
  "payInId",
  "disputeId",
  "ssoId",
  "membershipId",
];
for (const f of ID_FIELDS) FIELD_VALUES[f] = [...BAD_ID, ...FOREIGN_ID].map((v) => () => v);
// Text fields only ever get ANY_FIELD values.
for (const f of [
  "description",
  "reason",
  "name",
  "email",
  "firstName",
  "trackingNumber",
  "carrierOther",
  "__proto__",
  "constructor",
])
  FIELD_VALUES[f] = [];
const FIELDS = Object.keys(FIELD_VALUES);

function payloads(seed: number, n: number): Record<string, unknown>[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i += 1) {
    const p: Record<string, unknown> = {};
    // One in eight payloads attacks the account id itself (another Hub's account, wrong types, junk).
    p.accountId = i % 8 === 0 ? pick([foreignAccountId, ...BAD_ID, ...ANY_FIELD.map((h) => h())]) : accountId;
    const count = 1 + Math.floor(rnd() * 6);
    for (let j = 0; j < count; j += 1) {
      const k = pick(FIELDS);
      const specific = FIELD_VALUES[k] ?? [];
      // The first field always gets a value no schema accepts; the others a field-specific bad or foreign value.
      const value = j === 0 || specific.length === 0 || rnd() < 0.3 ? pick(ANY_FIELD)() : pick(specific)();
      Object.defineProperty(p, k, { value, enumerable: true, configurable: true, writable: true });
    }
    out.push(p);
  }
  return out;
}

const writes = () =>
  defaultCallRecorder()
    .list()
    .filter((c) => c.method !== "GET" && !c.pathTemplate.includes("oauth")).length;
const calls = () => defaultCallRecorder().recordedTotal;

it("discovers the dashboard's actions, the money actions among them", () => {
  expect(discovered.map((d) => d.key)).toEqual(
    expect.arrayContaining([
      "accounts/[accountId]/wallets/actions.ts#createPayoutAction",
      "accounts/[accountId]/wallets/actions.ts#createTransferAction",
      "accounts/[accountId]/transactions/actions.ts#createRefundAction",
      "accounts/[accountId]/disputes/[disputeId]/settlement/actions.ts#settleDisputeAction",
    ]),
  );
});

describe.each(discovered)("$key", ({ key, file, name }) => {
  it("refuses ≥ 200 malformed payloads: no throw, no INTERNAL, no MANGOPAY write, no row changed", async () => {
    const mod = (await import(file)) as Record<string, unknown>;
    const action = mod[name] as Action;
    actAs(hub.ctx("OWNER"));
    // An action whose whole input is its account id (a sync) accepts any payload naming a valid
    // account: for it only the account id can be malformed, so every payload attacks that.
    const onlyAccountId = (await action(null, { accountId })).ok;
    const rows = await countAllRows([hub.hubId, other.hubId]);
    const writesBefore = writes();
    const codes = new Map<string, number>();
    let schemaCallsLeaked = 0;
    let reads = 0;
    const list = payloads(key.length * 7919, 220).map((p, i) =>
      onlyAccountId
        ? { ...p, accountId: i % 2 ? foreignAccountId : (ANY_FIELD[i % ANY_FIELD.length] ?? (() => 0))() }
        : p,
    );
    for (const [i, payload] of list.entries()) {
      const before = calls();
      // FormData carries strings only: payloads made only of strings are also sent that way.
      const asForm = i % 3 === 0 && Object.values(payload).every((v) => typeof v === "string");
      let input: unknown = payload;
      if (asForm) {
        const form = new FormData();
        for (const [k, v] of Object.entries(payload)) form.append(k, String(v));
        input = form;
      }
      let result: Result;
      try {
        result = await action(null, input);
      } catch (err) {
        throw new Error(`${key} threw on payload #${i}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const code = result.ok ? "OK" : (result.code ?? "?");
      if (code === "INTERNAL" || code === "OK")
        console.log(
          `[fuzz] ${key} payload #${i} → ${code}: ${JSON.stringify(payload, (_k, v: unknown) => (typeof v === "string" && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v))}${asForm ? " (as FormData)" : ""}`,
        );
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (code === "VALIDATION" && calls() !== before) schemaCallsLeaked += 1;
      reads += calls() - before;
    }
    console.log(
      `[fuzz] ${key}: ${list.length} payloads → ${[...codes].map(([c, n]) => `${c} ${n}`).join(", ")}; MANGOPAY writes ${writes() - writesBefore}, reads ${reads}`,
    );
    expect(codes.get("OK") ?? 0).toBe(0);
    expect(codes.get("INTERNAL") ?? 0).toBe(0);
    expect(schemaCallsLeaked).toBe(0);
    expect(writes() - writesBefore).toBe(0);
    expect(await countAllRows([hub.hubId, other.hubId])).toEqual(rows);
  }, 120_000);
});
