/** @jest-environment node */
// Every dashboard read verb that takes an id, given an id that exists only in the emulator's OTHER
// MANGOPAY client: NotFound (or no hit), never the other client's object. The same id read through an
// account of that other client proves the object is real, so each miss is the tenancy at work.
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { getBankAccount } from "@/lib/services/bank-accounts/get";
import { listUserBankAccounts } from "@/lib/services/bank-accounts/list-by-user";
import { getCard } from "@/lib/services/cards/get";
import { listUserCards } from "@/lib/services/cards/list-by-user";
import { getDispute } from "@/lib/services/disputes/get";
import { listDisputeDocuments } from "@/lib/services/disputes/list-documents";
import { listDisputeTransactions } from "@/lib/services/disputes/list-transactions";
import { getEventResource } from "@/lib/services/events/get-resource";
import { listUserKycDocuments } from "@/lib/services/kyc-documents/list-by-user";
import { getMandate } from "@/lib/services/mandates/get";
import { listUserMandates } from "@/lib/services/mandates/list-by-user";
import { listUserPreauthorizations } from "@/lib/services/preauthorizations/list-by-user";
import { findById } from "@/lib/services/search/find-by-id";
import { findEventsByResourceId } from "@/lib/services/search/find-events";
import { getTransaction } from "@/lib/services/transactions/get";
import { listUserTransactions } from "@/lib/services/transactions/list-by-user";
import { listWalletTransactions } from "@/lib/services/transactions/list-by-wallet";
import { listTransactionRefunds } from "@/lib/services/transactions/list-refunds";
import { listUserUboDeclarations } from "@/lib/services/ubo-declarations/list-by-user";
import { getUser } from "@/lib/services/users/get";
import { getUserRegulatory } from "@/lib/services/users/get-regulatory";
import { getWallet } from "@/lib/services/wallets/get";
import { listUserWallets } from "@/lib/services/wallets/list-by-user";
import type { AccountContext } from "@/lib/server/context-types";
import { accountContextFor, createTestAccount, createTestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

type Row = Record<string, unknown> & { Id: string };
const MINE = "demo-marketplace";
const THEIRS = "demo-crowdfunding";

let emu: TestEmulator;
let mine: AccountContext;
let theirs: AccountContext;
// Ids of the other client's objects that the account's own client does not have.
const only: Partial<Record<"user" | "wallet" | "payin" | "card" | "bankAccount" | "mandate" | "dispute", string>> = {};
let bankAccountUser = "";

async function api<T = Row[]>(clientId: string, path: string): Promise<{ status: number; body: T }> {
  const c = emu.clients.find((x) => x.ClientId === clientId);
  const res = await fetch(`${emu.url}/v2.01/${clientId}${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${c?.ApiKey}`).toString("base64")}` },
  });
  return { status: res.status, body: (res.ok ? await res.json() : null) as T };
}
const missingInMine = async (path: string) => (await api(MINE, path)).status === 404;
const everyMissing = async (paths: string[]) => (await Promise.all(paths.map(missingInMine))).every(Boolean);
const TX_ENDPOINTS = ["payins", "payouts", "transfers", "refunds", "repudiations", "settlements"];

beforeAll(async () => {
  emu = await startTestEmulator(5);
  const hub = await createTestHub();
  const client = (id: string) => emu.clients.find((c) => c.ClientId === id);
  const mk = await createTestAccount(hub, { baseUrl: emu.url, clientId: MINE, apiKey: client(MINE)?.ApiKey });
  const cf = await createTestAccount(hub, { baseUrl: emu.url, clientId: THEIRS, apiKey: client(THEIRS)?.ApiKey });
  mine = accountContextFor(hub, "OWNER", mk);
  theirs = accountContextFor(hub, "OWNER", cf);

  const users = (await api(THEIRS, "/users?per_page=100&Sort=CreationDate:DESC")).body;
  for (const u of users) {
    const userOnly = await missingInMine(`/users/${u.Id}`);
    if (userOnly) only.user ??= u.Id;
    const lists: [keyof typeof only, string, (id: string) => string][] = [
      ["wallet", `/users/${u.Id}/wallets`, (id) => `/wallets/${id}`],
      ["card", `/users/${u.Id}/cards`, (id) => `/cards/${id}`],
      ["mandate", `/users/${u.Id}/mandates`, (id) => `/mandates/${id}`],
      // A transaction id must be unknown to every transaction endpoint of this client (no generic GET).
      ["payin", `/users/${u.Id}/transactions?Type=PAYIN&Nature=REGULAR&per_page=100`, (id) => `/payins/${id}`],
    ];
    for (const [kind, list, probe] of lists) {
      if (only[kind]) continue;
      for (const item of (await api(THEIRS, list)).body ?? [])
        if (
          (await missingInMine(probe(item.Id))) &&
          (kind !== "payin" || (await everyMissing(TX_ENDPOINTS.map((e) => `/${e}/${item.Id}`))))
        ) {
          only[kind] = item.Id;
          break;
        }
    }
    if (!only.bankAccount && userOnly) {
      const [ba] = (await api(THEIRS, `/users/${u.Id}/bankaccounts`)).body ?? [];
      if (ba) {
        only.bankAccount = ba.Id;
        bankAccountUser = u.Id;
      }
    }
  }
  for (const d of (await api(THEIRS, "/disputes?per_page=100")).body ?? [])
    if (!only.dispute && (await missingInMine(`/disputes/${d.Id}`))) only.dispute = d.Id;
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await emu?.close();
});

it("found an object of each kind that only the other client has", () => {
  expect(Object.keys(only).sort()).toEqual(["bankAccount", "card", "dispute", "mandate", "payin", "user", "wallet"]);
});

type Case = [string, keyof typeof only, (ctx: AccountContext, id: string) => Promise<unknown>];
const cases: Case[] = [
  ["getUser", "user", (ctx, userId) => getUser({ ctx, input: { userId } })],
  ["getUserRegulatory", "user", (ctx, userId) => getUserRegulatory({ ctx, input: { userId } })],
  ["listUserWallets", "user", (ctx, userId) => listUserWallets({ ctx, input: { userId } })],
  ["listUserCards", "user", (ctx, userId) => listUserCards({ ctx, input: { userId } })],
  ["listUserBankAccounts", "user", (ctx, userId) => listUserBankAccounts({ ctx, input: { userId } })],
  ["listUserMandates", "user", (ctx, userId) => listUserMandates({ ctx, input: { userId } })],
  ["listUserPreauthorizations", "user", (ctx, userId) => listUserPreauthorizations({ ctx, input: { userId } })],
  ["listUserKycDocuments", "user", (ctx, userId) => listUserKycDocuments({ ctx, input: { userId } })],
  ["listUserUboDeclarations", "user", (ctx, userId) => listUserUboDeclarations({ ctx, input: { userId } })],
  ["listUserTransactions", "user", (ctx, userId) => listUserTransactions({ ctx, input: { userId } })],
  ["getWallet", "wallet", (ctx, walletId) => getWallet({ ctx, input: { walletId } })],
  ["listWalletTransactions", "wallet", (ctx, walletId) => listWalletTransactions({ ctx, input: { walletId } })],
  [
    "getTransaction (kind given)",
    "payin",
    (ctx, id) => getTransaction({ ctx, input: { transactionId: id, kind: "PAYIN" } }),
  ],
  ["getTransaction (every kind probed)", "payin", (ctx, id) => getTransaction({ ctx, input: { transactionId: id } })],
  [
    "listTransactionRefunds",
    "payin",
    (ctx, id) => listTransactionRefunds({ ctx, input: { transactionId: id, kind: "PAYIN" } }),
  ],
  [
    "getEventResource (pay-in)",
    "payin",
    (ctx, id) => getEventResource({ ctx, input: { resourceId: id, eventType: "PAYIN_NORMAL_SUCCEEDED" } }),
  ],
  ["getCard", "card", (ctx, cardId) => getCard({ ctx, input: { cardId } })],
  ["getMandate", "mandate", (ctx, mandateId) => getMandate({ ctx, input: { mandateId } })],
  [
    "getBankAccount",
    "bankAccount",
    (ctx, bankAccountId) => getBankAccount({ ctx, input: { userId: bankAccountUser, bankAccountId } }),
  ],
  ["getDispute", "dispute", (ctx, disputeId) => getDispute({ ctx, input: { disputeId } })],
  ["listDisputeDocuments", "dispute", (ctx, disputeId) => listDisputeDocuments({ ctx, input: { disputeId } })],
  ["listDisputeTransactions", "dispute", (ctx, disputeId) => listDisputeTransactions({ ctx, input: { disputeId } })],
  [
    "getEventResource (dispute)",
    "dispute",
    (ctx, id) => getEventResource({ ctx, input: { resourceId: id, eventType: "DISPUTE_CREATED" } }),
  ],
];

it.each(cases)(
  "%s: NotFound for the other client's id, which that client's own account reads",
  async (_n, kind, read) => {
    const id = only[kind] ?? "";
    await expect(read(mine, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(read(theirs, id)).resolves.toBeDefined();
  },
);

it.each(["user", "wallet", "payin", "card", "mandate", "dispute"] as const)(
  "search by Id: no hit for the other client's %s, a hit through that client's account",
  async (kind) => {
    const id = only[kind] ?? "";
    // Both clients number objects alike: the same digits may be another kind of object of this
    // client (found rightly); never this kind, which only the other client has under this id.
    const miss = await findById({ ctx: mine, input: { query: id } });
    expect(miss.hits.filter((h) => h.type === kind)).toEqual([]);
    expect(miss.failures).toEqual([]);
    const hit = await findById({ ctx: theirs, input: { query: id } });
    expect(hit.hits.filter((h) => h.type === kind).map((h) => h.id)).toEqual([id]);
  },
);

it("search by a bank account's USER_ID/ID: no hit for the other client's", async () => {
  const query = `${bankAccountUser}/${only.bankAccount}`;
  expect((await findById({ ctx: mine, input: { query } })).hits).toEqual([]);
  expect((await findById({ ctx: theirs, input: { query } })).hits.map((h) => h.type)).toEqual(["bankAccount"]);
});

it("events naming an id: the other client's events are never searched", async () => {
  const events = async (clientId: string) =>
    (
      await Promise.all(
        [1, 2, 3, 4, 5].map((page) =>
          api<{ ResourceId: string }[]>(clientId, `/events?per_page=100&page=${page}&Sort=Date:DESC`),
        ),
      )
    ).flatMap((r) => r.body ?? []);
  const mineIds = new Set((await events(MINE)).map((e) => e.ResourceId));
  const id = (await events(THEIRS)).find((e) => !mineIds.has(e.ResourceId))?.ResourceId;
  expect(id).toBeDefined();
  expect((await findEventsByResourceId({ ctx: theirs, input: { query: id } })).hits.length).toBeGreaterThan(0);
  expect((await findEventsByResourceId({ ctx: mine, input: { query: id } })).hits).toEqual([]);
});
