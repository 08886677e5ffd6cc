/** @jest-environment node */
// Every read verb of the account dashboard against a private emulator over real HTTP and a real
// database: values mapped as MANGOPAY sent them, another client's id → NotFound, another Hub's
// account → NotFound, a missing permission → Forbidden, upstream failures mapped once.
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import type { RoleName } from "@/lib/server/permissions";
import { listUserBankAccounts } from "@/lib/services/bank-accounts/list-by-user";
import { listUserCards } from "@/lib/services/cards/list-by-user";
import { getFeesPerDay } from "@/lib/services/client-wallets/fees-per-day";
import { listFeesWallets } from "@/lib/services/client-wallets/list-fees";
import { countDisputesNeedingAction } from "@/lib/services/disputes/count-needing-action";
import { countKycIssues } from "@/lib/services/kyc-documents/count-issues";
import { listUserKycDocuments } from "@/lib/services/kyc-documents/list-by-user";
import { listUserMandates } from "@/lib/services/mandates/list-by-user";
import { listReturnedPayouts } from "@/lib/services/payouts/list-returned";
import { listUserPreauthorizations } from "@/lib/services/preauthorizations/list-by-user";
import { findById } from "@/lib/services/search/find-by-id";
import { listUserTransactions } from "@/lib/services/transactions/list-by-user";
import { listWalletTransactions } from "@/lib/services/transactions/list-by-wallet";
import { listUboNeedingAttention } from "@/lib/services/ubo-declarations/list-needing-attention";
import { listUserUboDeclarations } from "@/lib/services/ubo-declarations/list-by-user";
import { UpstreamServiceError } from "@/lib/services/upstream";
import { getUser } from "@/lib/services/users/get";
import { getUserRegulatory } from "@/lib/services/users/get-regulatory";
import { listUsers } from "@/lib/services/users/list";
import { getWallet } from "@/lib/services/wallets/get";
import { listUserWallets } from "@/lib/services/wallets/list-by-user";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

type Row = Record<string, unknown> & { Id: string };

let emu: TestEmulator;
let hub: TestHub;
let otherHub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
let crowdfunding: Awaited<ReturnType<typeof createTestAccount>>;
let foreignHubAccount: Awaited<ReturnType<typeof createTestAccount>>;
// Seeded objects read straight from the emulator, the truth the services must reproduce.
let natural: Row;
let legal: Row;
let wallet: Row & { Balance: { Amount: number; Currency: string }; Owners: string[] };
// Ids that exist in the crowdfunding client only (both clients number their objects alike).
let crowdfundingUserId: string;
let crowdfundingWalletId: string;

async function raw<T = Row[]>(path: string, clientId = "demo-marketplace"): Promise<{ body: T; total: number | null }> {
  const c = emu.clients.find((x) => x.ClientId === clientId);
  const res = await fetch(`${emu.url}/v2.01/${clientId}${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${c?.ApiKey}`).toString("base64")}` },
  });
  if (!res.ok) throw new Error(`${path} → ${res.status}`);
  const total = res.headers.get("x-number-of-items");
  return { body: (await res.json()) as T, total: total === null ? null : Number(total) };
}

const ctxAs = (role: RoleName = "OWNER", grants?: string[]) => accountContextFor(hub, role, account, grants);

beforeAll(async () => {
  emu = await startTestEmulator(3);
  const mk = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  const cf = emu.clients.find((c) => c.ClientId === "demo-crowdfunding");
  hub = await createTestHub();
  otherHub = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: emu.url, clientId: mk?.ClientId, apiKey: mk?.ApiKey });
  crowdfunding = await createTestAccount(hub, { baseUrl: emu.url, clientId: cf?.ClientId, apiKey: cf?.ApiKey });
  foreignHubAccount = await createTestAccount(otherHub, {
    baseUrl: emu.url,
    clientId: mk?.ClientId,
    apiKey: mk?.ApiKey,
  });
  const users = (await raw("/users?per_page=100&Sort=CreationDate:ASC")).body;
  const full = await Promise.all(users.map((u) => raw<Row>(`/users/${u.Id}`).then((r) => r.body)));
  natural =
    full.find((u) => u.PersonType === "NATURAL" && u.UserCategory === "OWNER") ??
    (full.find((u) => u.PersonType === "NATURAL") as Row);
  legal = full.find((u) => u.PersonType === "LEGAL") as Row;
  wallet = (await raw(`/users/${legal.Id}/wallets`)).body[0] as typeof wallet;
  const exists = async (path: string) =>
    (
      await fetch(`${emu.url}/v2.01/demo-marketplace${path}`, {
        headers: { authorization: `Basic ${Buffer.from(`demo-marketplace:${mk?.ApiKey}`).toString("base64")}` },
      })
    ).status !== 404;
  const cfUsers = (await raw("/users?per_page=100&Sort=CreationDate:DESC", "demo-crowdfunding")).body;
  for (const u of cfUsers) {
    if (!crowdfundingUserId && !(await exists(`/users/${u.Id}`))) crowdfundingUserId = u.Id;
    for (const w of crowdfundingWalletId ? [] : (await raw(`/users/${u.Id}/wallets`, "demo-crowdfunding")).body)
      if (!(await exists(`/wallets/${w.Id}`))) crowdfundingWalletId = w.Id;
    if (crowdfundingUserId && crowdfundingWalletId) break;
  }
  expect(crowdfundingUserId && crowdfundingWalletId).toBeTruthy();
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await emu?.close();
});

afterEach(() => emu.clearFaults());

describe("users", () => {
  it("lists users by creation date with MANGOPAY's totals, in both directions", async () => {
    const truth = await raw("/users?per_page=10&page=2&Sort=CreationDate:DESC");
    const page = await listUsers({ ctx: ctxAs(), input: { page: 2, perPage: 10, sort: "desc" } });
    expect(page.items.map((u) => u.id)).toEqual(truth.body.map((u) => u.Id));
    expect(page.totalItems).toBe(truth.total);
    expect(page.items[0]).toMatchObject({
      email: truth.body[0]?.Email,
      personType: truth.body[0]?.PersonType,
      kycLevel: truth.body[0]?.KYCLevel,
    });
    const asc = await listUsers({ ctx: ctxAs(), input: { perPage: 10, sort: "asc" } });
    expect(asc.items[0]?.id).toBe((await raw("/users?per_page=1&Sort=CreationDate:ASC")).body[0]?.Id);
  });

  it("maps a natural and a legal user, with the representative of the legal one", async () => {
    const n = await getUser({ ctx: ctxAs(), input: { userId: natural.Id } });
    expect(n).toMatchObject({
      id: natural.Id,
      personType: "NATURAL",
      name: `${natural.FirstName} ${natural.LastName}`,
      email: natural.Email,
      kycLevel: natural.KYCLevel,
      category: natural.UserCategory,
    });
    expect(n.natural?.nationality).toBe(natural.Nationality ?? null);
    const l = await getUser({ ctx: ctxAs(), input: { userId: legal.Id } });
    expect(l).toMatchObject({ personType: "LEGAL", name: legal.Name });
    expect(l.legal?.representative.lastName).toBe(legal.LegalRepresentativeLastName);
    expect(l.legal?.legalPersonType).toBe(legal.LegalPersonType);
    const reg = await getUserRegulatory({ ctx: ctxAs(), input: { userId: legal.Id } });
    expect(typeof reg.inflowsBlocked).toBe("boolean");
  });

  it("rejects another client's user, a malformed id and another Hub's account as NotFound", async () => {
    await expect(getUser({ ctx: ctxAs(), input: { userId: crowdfundingUserId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getUser({ ctx: ctxAs(), input: { userId: "../users" } })).rejects.toBeInstanceOf(NotFoundError);
    // A context of this Hub pointed at another Hub's account row: the client lookup is tenant-scoped.
    const forged = accountContextFor(hub, "OWNER", foreignHubAccount);
    await expect(getUser({ ctx: forged, input: { userId: natural.Id } })).rejects.toBeInstanceOf(NotFoundError);
    // …while the crowdfunding account (its own MANGOPAY client) reads it.
    expect(
      (await getUser({ ctx: accountContextFor(hub, "OWNER", crowdfunding), input: { userId: crowdfundingUserId } })).id,
    ).toBe(crowdfundingUserId);
  });

  it("refuses members without users.read", async () => {
    const noUsers = ctxAs("READ_ONLY", ["wallets.read"]);
    await expect(listUsers({ ctx: noUsers, input: {} })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getUser({ ctx: noUsers, input: { userId: natural.Id } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("a user's lists", () => {
  const cases: [
    string,
    string,
    (args: {
      ctx: ReturnType<typeof ctxAs>;
      input: { userId: unknown; query?: unknown };
    }) => Promise<{ items: { id: string }[]; totalItems: number | null }>,
    (u: () => Row) => string,
  ][] = [
    ["wallets", "wallets.read", listUserWallets, (u) => `/users/${u().Id}/wallets`],
    ["cards", "cards.read", listUserCards, (u) => `/users/${u().Id}/cards`],
    [
      "preauthorizations",
      "preauthorizations.read",
      listUserPreauthorizations,
      (u) => `/users/${u().Id}/preauthorizations`,
    ],
    ["bank accounts", "bankAccounts.read", listUserBankAccounts, (u) => `/users/${u().Id}/bankaccounts`],
    ["mandates", "mandates.read", listUserMandates, (u) => `/users/${u().Id}/mandates`],
    ["KYC documents", "kycDocuments.read", listUserKycDocuments, (u) => `/users/${u().Id}/kyc/documents`],
    [
      "UBO declarations",
      "uboDeclarations.read",
      listUserUboDeclarations,
      (u) => `/users/${u().Id}/kyc/ubodeclarations`,
    ],
    ["transactions", "transactions.read", listUserTransactions, (u) => `/users/${u().Id}/transactions`],
  ];

  it.each(cases)("%s: the same items, newest first, with the total", async (_name, _perm, verb, path) => {
    for (const user of [() => natural, () => legal]) {
      const truth = await raw(`${path(user)}?per_page=10&Sort=CreationDate:DESC`);
      const page = await verb({ ctx: ctxAs(), input: { userId: user().Id, query: { perPage: 10 } } });
      expect(page.items.map((i) => i.id)).toEqual(truth.body.map((i) => i.Id));
      expect(page.totalItems).toBe(truth.total);
    }
  });

  it.each(cases)(
    "%s: Forbidden without its permission, NotFound for another client's user",
    async (_name, perm, verb) => {
      const without = ctxAs(
        "OWNER",
        ["users.read"].filter((p) => p !== perm),
      );
      await expect(verb({ ctx: without, input: { userId: natural.Id } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(verb({ ctx: ctxAs(), input: { userId: crowdfundingUserId } })).rejects.toBeInstanceOf(NotFoundError);
    },
  );

  it("filters transactions by status, type and date as MANGOPAY does", async () => {
    const truth = await raw(
      `/users/${legal.Id}/transactions?per_page=20&Status=SUCCEEDED&Type=PAYIN&Sort=CreationDate:DESC`,
    );
    const page = await listUserTransactions({
      ctx: ctxAs(),
      input: { userId: legal.Id, query: { status: "SUCCEEDED", type: "PAYIN" } },
    });
    expect(page.items.map((t) => t.id)).toEqual(truth.body.map((t) => t.Id));
    expect(page.items.every((t) => t.status === "SUCCEEDED" && t.type === "PAYIN")).toBe(true);
    const first = truth.body[0] as Row & {
      DebitedFunds: { Amount: number; Currency: string };
      Fees: { Amount: number };
    };
    if (first)
      expect(page.items[0]).toMatchObject({
        debited: { amountMinor: first.DebitedFunds.Amount, currency: first.DebitedFunds.Currency },
        fees: { amountMinor: first.Fees.Amount },
      });
    const future = await listUserTransactions({
      ctx: ctxAs(),
      input: { userId: legal.Id, query: { from: "2999-01-01" } },
    });
    expect(future.items).toEqual([]);
  });
});

describe("wallets", () => {
  it("reads a wallet's balance and its transactions", async () => {
    const w = await getWallet({ ctx: ctxAs(), input: { walletId: wallet.Id } });
    expect(w).toMatchObject({
      id: wallet.Id,
      balance: { amountMinor: wallet.Balance.Amount, currency: wallet.Balance.Currency },
      ownerIds: wallet.Owners,
    });
    const truth = await raw(`/wallets/${wallet.Id}/transactions?per_page=20&Sort=CreationDate:DESC`);
    const txs = await listWalletTransactions({ ctx: ctxAs(), input: { walletId: wallet.Id } });
    expect(txs.items.map((t) => t.id)).toEqual(truth.body.map((t) => t.Id));
    await expect(getWallet({ ctx: ctxAs(), input: { walletId: crowdfundingWalletId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(
      (
        await getWallet({
          ctx: accountContextFor(hub, "OWNER", crowdfunding),
          input: { walletId: crowdfundingWalletId },
        })
      ).id,
    ).toBe(crowdfundingWalletId);
    await expect(
      listWalletTransactions({ ctx: ctxAs("OWNER", ["wallets.read"]), input: { walletId: wallet.Id } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("home", () => {
  it("reads fees per currency and fees per day of the last 30 days", async () => {
    const fees = (await raw<(Row & { Balance: { Amount: number; Currency: string } })[]>("/clients/wallets/FEES")).body;
    const got = await listFeesWallets({ ctx: ctxAs() });
    expect(got).toEqual(
      fees
        .map((w) => ({ amountMinor: w.Balance.Amount, currency: w.Balance.Currency }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    );
    const series = await getFeesPerDay({ ctx: ctxAs(), input: { days: 30 } });
    expect(series.map((s) => s.currency)).toEqual(got.map((g) => g.currency));
    for (const s of series) {
      expect(s.days).toHaveLength(30);
      expect(s.totalMinor).toBe(s.days.reduce((a, d) => a + d.amountMinor, 0));
    }
    await expect(listFeesWallets({ ctx: ctxAs("OWNER", ["users.read"]) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getFeesPerDay({ ctx: ctxAs("OWNER", ["users.read"]) })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("counts KYC issues, disputes needing action and returned payouts as MANGOPAY reports them", async () => {
    const refused = (await raw("/kyc/documents?per_page=1&Status=REFUSED")).total;
    const outdated = (await raw("/kyc/documents?per_page=1&Status=OUT_OF_DATE")).total;
    expect(await countKycIssues({ ctx: ctxAs() })).toEqual({ refused, outOfDate: outdated });
    const disputes = await raw("/disputes?per_page=100&Status=PENDING_CLIENT_ACTION,REOPENED_PENDING_CLIENT_ACTION");
    expect((await countDisputesNeedingAction({ ctx: ctxAs() })).count).toBe(disputes.total);
    const returned = await listReturnedPayouts({ ctx: ctxAs(), input: { days: 30 } });
    const events = await raw(
      `/events?per_page=100&EventType=PAYOUT_REFUND_SUCCEEDED&AfterDate=${Math.floor(Date.now() / 1000) - 30 * 86_400}`,
    );
    expect(returned.count).toBe(events.total);
    const ubo = await listUboNeedingAttention({ ctx: ctxAs() });
    expect(ubo.incomplete + ubo.refused).toBeGreaterThanOrEqual(0);
    await expect(countDisputesNeedingAction({ ctx: ctxAs("DEVELOPER", ["users.read"]) })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("search by Id", () => {
  it("finds a user, a wallet and a transaction by Id, and reports a miss", async () => {
    const tx = (await raw(`/wallets/${wallet.Id}/transactions?per_page=1`)).body[0] as Row & { Type: string };
    for (const [id, type] of [
      [natural.Id, "user"],
      [wallet.Id, "wallet"],
      [tx.Id, tx.Type === "PAYIN" ? "payin" : tx.Type === "PAYOUT" ? "payout" : "transfer"],
    ]) {
      const r = await findById({ ctx: ctxAs(), input: { query: id } });
      expect(r.hits.map((h) => [h.id, h.type])).toContainEqual([id, type]);
      expect(r.failures).toEqual([]);
    }
    const miss = await findById({ ctx: ctxAs(), input: { query: "999999999" } });
    expect(miss).toMatchObject({ valid: true, hits: [], failures: [] });
    expect((await findById({ ctx: ctxAs(), input: { query: "not an id!" } })).valid).toBe(false);
    // Another client's user is a miss, not an error.
    expect(
      (await findById({ ctx: ctxAs(), input: { query: crowdfundingUserId } })).hits.filter((h) => h.type === "user"),
    ).toEqual([]);
  });

  it("does not probe types the member may not read", async () => {
    const r = await findById({ ctx: ctxAs("FINANCE"), input: { query: natural.Id } });
    expect(r.skipped).toEqual(expect.arrayContaining(["Card", "Hook", "KYC document"]));
    expect(r.hits.map((h) => h.type)).toEqual(["user"]);
  });
});

describe("upstream failures", () => {
  it("maps a persistent 5xx once, with MANGOPAY's words, and a 404 to NotFound", async () => {
    await emu.control("POST", "/faults", {
      route: `/users/${legal.Id}/regulatory`,
      method: "GET",
      kind: "error",
      status: 503,
    });
    const err = await getUserRegulatory({ ctx: ctxAs(), input: { userId: legal.Id } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamServiceError);
    expect((err as UpstreamServiceError).message).toMatch(/^MANGOPAY is not answering properly \(HTTP 503\)/);
    expect((err as UpstreamServiceError).failure.kind).toBe("unavailable");
  });

  it("says to check the API key when MANGOPAY refuses the account's credentials", async () => {
    const badKey = await createTestAccount(otherHub, {
      baseUrl: emu.url,
      clientId: "demo-crowdfunding",
      apiKey: "wrong-key-for-this-client",
    });
    const err = await listUsers({ ctx: accountContextFor(otherHub, "OWNER", badKey), input: {} }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UpstreamServiceError);
    expect((err as Error).message).toBe(
      "MANGOPAY refused this account's credentials. Check this account's API key in the Hub.",
    );
  });

  it("search reports a type it could not check instead of claiming a miss", async () => {
    await emu.control("POST", "/faults", { route: "/hooks/*", method: "GET", kind: "error", status: 500 });
    const r = await findById({ ctx: ctxAs(), input: { query: natural.Id } });
    expect(r.hits.map((h) => h.type)).toEqual(["user"]);
    expect(r.failures.map((f) => f.typeLabel)).toEqual(["Hook"]);
    expect(r.failures[0]?.error.message).toMatch(/HTTP 500/);
  });
});
