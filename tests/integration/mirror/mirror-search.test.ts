/** @jest-environment node */
// Search by email and name over mirrored users this file inserts for its own Hubs: at most 20 hits
// per way of matching, read in index order, listed by last name; many users sharing a prefix; then
// users whose name or email holds the query elsewhere than at its start (3 characters or more).
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { findInMirror } from "@/lib/services/search/find-in-mirror";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";

jest.setTimeout(120_000);
afterAll(() => db.$disconnect());

let hub: TestHub;
let other: TestHub;
let account: AccountContext["account"];
let foreign: AccountContext["account"];

type Person = { id: string; first?: string; last?: string; company?: string; email?: string };
function userRow(hubId: string, apiAccountId: string, p: Person) {
  return {
    hubId,
    apiAccountId,
    mangopayId: p.id,
    personType: p.company ? "LEGAL" : "NATURAL",
    email: p.email ?? null,
    emailLower: p.email?.toLowerCase() ?? null,
    firstName: p.first ?? null,
    firstNameLower: p.first?.toLowerCase() ?? null,
    lastName: p.last ?? null,
    lastNameLower: p.last?.toLowerCase() ?? null,
    companyName: p.company ?? null,
    companyNameLower: p.company?.toLowerCase() ?? null,
    status: "ACTIVE",
    createdAt: new Date(),
    raw: {},
  };
}

beforeAll(async () => {
  [hub, other] = await Promise.all([createTestHub(), createTestHub()]);
  const baseUrl = "https://api.sandbox.mangopay.com";
  account = await createTestAccount(hub, { baseUrl });
  foreign = await createTestAccount(other, { baseUrl });
  // 600 users named Lovelace<n>, 300 of them Ada; a few others; and the same names in another Hub.
  const many: Person[] = Array.from({ length: 600 }, (_, i) => ({
    id: `u${String(i).padStart(4, "0")}`,
    first: i % 2 ? "Grace" : "Ada",
    last: `Lovelace${i % 7}`,
    email: `ada${i}@example.test`,
  }));
  const few: Person[] = [
    { id: "x1", first: "Ada", last: "Byron", email: "byron@example.test" },
    { id: "x2", first: "Lovelace", last: "Zed", email: "zed@example.test" },
    { id: "x3", company: "Lovelace 100% Ltd", email: "ltd@example.test" },
    { id: "x4", first: "Percy", last: "Under_Score", email: "p_s@example.test" },
    { id: "x5", first: "Percy", last: "Underxscore", email: "pxs@example.test" },
  ];
  await db.mirrorUser.createMany({ data: [...many, ...few].map((p) => userRow(hub.hubId, account.id, p)) });
  await db.mirrorUser.createMany({
    data: [...many.slice(0, 50), ...few].map((p) => userRow(other.hubId, foreign.id, { ...p, id: `f${p.id}` })),
  });
});

const search = async (query: string) =>
  (await findInMirror({ ctx: accountContextFor(hub, "READ_ONLY", account), input: { query } })).hits;

describe("search by name and email over many users", () => {
  it("lists 20 users when hundreds share a prefix, by last name then id, only this account's", async () => {
    const hits = await search("love");
    expect(hits).toHaveLength(20);
    // The first 20 Lovelace… by (last name, id): Lovelace0 has ids u0000, u0007, … (86 of them).
    expect(hits.map((h) => h.id)).toEqual(Array.from({ length: 20 }, (_, k) => `u${String(k * 7).padStart(4, "0")}`));
    expect(hits[0]).toMatchObject({ name: "Ada Lovelace0", email: "ada0@example.test", status: "ACTIVE" });
  });

  it("matches first and last name either way round, and a company name", async () => {
    const adaLove = await search("Ada Lovelace3");
    expect(adaLove).toHaveLength(20);
    expect(adaLove.every((h) => h.name.startsWith("Ada Lovelace3"))).toBe(true);
    expect((await search("Zed Love")).map((h) => h.id)).toEqual(["x2"]);
    // The company (legal user, no last name) comes after every last name.
    const company = await search("lovelace 1");
    expect(company.map((h) => [h.id, h.name])).toEqual([["x3", "Lovelace 100% Ltd"]]);
  });

  it("finds an email by its start, and reads % and _ as themselves", async () => {
    expect((await search("ADA59@")).map((h) => h.id)).toEqual(["u0059"]);
    expect((await search("lovelace 100%")).map((h) => h.id)).toEqual(["x3"]);
    expect((await search("lovelace 1%")).map((h) => h.id)).toEqual([]);
    expect((await search("p_s@")).map((h) => h.id)).toEqual(["x4"]);
    expect((await search("under_")).map((h) => h.id)).toEqual(["x4"]);
    expect((await search("Under")).map((h) => h.id)).toEqual(["x4", "x5"]);
  });
});

describe("search by any part of a name or email (3 characters or more)", () => {
  let mine: AccountContext["account"];
  let sibling: AccountContext["account"];
  let elsewhere: AccountContext["account"];
  beforeAll(async () => {
    const baseUrl = "https://api.sandbox.mangopay.com";
    [mine, sibling, elsewhere] = await Promise.all([
      createTestAccount(hub, { baseUrl }),
      createTestAccount(hub, { baseUrl }),
      createTestAccount(other, { baseUrl }),
    ]);
    const people: Person[] = [
      { id: "s1", first: "John", last: "Smith", email: "john@example.test" },
      { id: "s2", first: "Mithra", last: "Varga", email: "varga@example.test" },
      { id: "s3", first: "Anna", last: "Goldsmith", email: "anna@example.test" },
      { id: "s4", first: "Jane", last: "Doe", email: "jane.doe@wonderco.test" },
      { id: "s5", company: "Acme Widgets Ltd", email: "billing@acme.test" },
      { id: "s6", company: "Save 50% Now", email: "offers@save.test" },
      { id: "s7", company: "Save 500 Now", email: "info@save.test" },
      { id: "s8", first: "Ted", last: "Lee", email: "ted.a_b@example.test" },
      { id: "s9", first: "Tom", last: "Lee", email: "tom.axb@example.test" },
      { id: "s10", first: "Mia", last: "Mithen", email: "mia@example.test" },
      { id: "s11", first: "Zoe", last: "Blacksmith", email: "smithy@example.test" },
    ];
    // 25 more users whose last name holds "mith" but does not start with it.
    const crowd: Person[] = Array.from({ length: 25 }, (_, i) => ({
      id: `c${String(i).padStart(2, "0")}`,
      first: "Kim",
      last: `Arrowsmith${String(i).padStart(2, "0")}`,
    }));
    await db.mirrorUser.createMany({ data: [...people, ...crowd].map((p) => userRow(hub.hubId, mine.id, p)) });
    // The same kind of names in another account of this Hub and in another Hub's account.
    await db.mirrorUser.createMany({
      data: [
        userRow(hub.hubId, sibling.id, { id: "o1", first: "Sam", last: "Whitesmith", email: "sam@wonderco.test" }),
        userRow(other.hubId, elsewhere.id, { id: "o2", first: "Al", last: "Smithson", email: "al@wonderco.test" }),
        userRow(other.hubId, elsewhere.id, { id: "o3", company: "Big Widgets", email: "x@big.test" }),
      ],
    });
  });

  const find = async (query: string, account = mine, of = hub) =>
    (await findInMirror({ ctx: accountContextFor(of, "READ_ONLY", account), input: { query } })).hits;
  const ids = async (query: string, account = mine, of = hub) => (await find(query, account, of)).map((h) => h.id);

  it("finds a last name by its middle, after the prefix hits, 20 at most and each user once", async () => {
    const hits = await find("mith");
    expect(hits).toHaveLength(20);
    // Prefix hits first (first name Mithra, last name Mithen), by last name; then the substring hits
    // by last name: the 25 Arrowsmith…, before Goldsmith and Smith.
    expect(hits.map((h) => h.id)).toEqual([
      "s10",
      "s2",
      ...Array.from({ length: 18 }, (_, i) => `c${String(i).padStart(2, "0")}`),
    ]);
    expect(hits[2]).toMatchObject({ name: "Kim Arrowsmith00", status: "ACTIVE" });
    expect(new Set(hits.map((h) => h.id)).size).toBe(20);
    // Smith, and Blacksmith's email, start with the query: listed first, Blacksmith once.
    expect(await ids("smith")).toEqual([
      "s11",
      "s1",
      ...Array.from({ length: 18 }, (_, i) => `c${String(i).padStart(2, "0")}`),
    ]);
    expect(await ids("SMITH0")).toEqual(Array.from({ length: 10 }, (_, i) => `c0${i}`));
    const smith = await find("dsmit");
    expect(smith.map((h) => [h.id, h.name, h.email])).toEqual([["s3", "Anna Goldsmith", "anna@example.test"]]);
    expect(smith[0]?.syncedSecondsAgo).toBeGreaterThanOrEqual(0);
  });

  it("finds an email and a company name by a middle part", async () => {
    expect(await ids("doe@wond")).toEqual(["s4"]);
    expect(await ids("WONDERCO")).toEqual(["s4"]);
    expect((await find("widget")).map((h) => [h.id, h.name])).toEqual([["s5", "Acme Widgets Ltd"]]);
    expect(await ids("e 50")).toEqual(["s6", "s7"]);
  });

  it("reads % and _ as themselves inside a name or email", async () => {
    expect(await ids("50% n")).toEqual(["s6"]);
    expect(await ids("e 5%")).toEqual([]);
    expect(await ids("a_b@")).toEqual(["s8"]);
    expect(await ids(".a_b")).toEqual(["s8"]);
    expect(await ids("a%b")).toEqual([]);
  });

  it("matches a query of two characters as a prefix only", async () => {
    expect(await ids("mi")).toEqual(["s10", "s2"]);
    expect(await ids("it")).toEqual([]);
    expect(await ids("ee")).toEqual([]);
    expect(await ids("lee")).toEqual(["s8", "s9"]);
  });

  it("never returns another account's user, of this Hub or of another", async () => {
    expect(await ids("itesmi")).toEqual([]);
    expect(await ids("thson")).toEqual([]);
    expect(await ids("big wid")).toEqual([]);
    expect(await ids("@wonderco")).toEqual(["s4"]);
    expect(await ids("itesmi", sibling)).toEqual(["o1"]);
    expect(await ids("@wonderco", elsewhere, other)).toEqual(["o2"]);
    expect(await ids("idget", elsewhere, other)).toEqual(["o3"]);
    // A context naming another Hub's account with this Hub finds nothing.
    expect(await ids("thson", elsewhere, hub)).toEqual([]);
  });
});

describe("search by Tag", () => {
  let tagged: AccountContext["account"];
  beforeAll(async () => {
    tagged = await createTestAccount(hub, { baseUrl: "https://api.sandbox.mangopay.com" });
    const at = { hubId: hub.hubId, apiAccountId: tagged.id, createdAt: new Date("2026-03-01T00:00:00Z"), raw: {} };
    await db.mirrorUser.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        ...at,
        mangopayId: `tu${i}`,
        personType: "NATURAL",
        status: "ACTIVE",
        tag: `campaign-user-${i}`,
      })),
    });
    await db.mirrorWallet.create({
      data: { ...at, mangopayId: "tw1", ownerId: "tu1", currency: "GBP", balanceMinor: 1234n, tag: "campaign-wallet" },
    });
    await db.mirrorTransaction.create({
      data: {
        ...at,
        mangopayId: "tt1",
        type: "TRANSFER",
        nature: "REGULAR",
        status: "SUCCEEDED",
        authorId: "tu2",
        currency: "EUR",
        debitedMinor: 2500n,
        creditedMinor: 2500n,
        feesMinor: 0n,
        tag: "campaign-transfer",
      },
    });
    await db.mirrorBankAccount.create({
      data: {
        ...at,
        mangopayId: "tb1",
        userId: "tu3",
        type: "IBAN",
        ownerName: "T",
        active: true,
        tag: "campaign-bank",
      },
    });
    await db.mirrorCard.create({
      data: { ...at, mangopayId: "tc1", userId: "tu4", currency: "EUR", active: false, tag: "campaign-card" },
    });
    await db.mirrorMandate.create({
      data: { ...at, mangopayId: "tm1", userId: "tu5", status: "SUBMITTED", tag: "campaign-mandate" },
    });
    await db.mirrorKycDocument.create({
      data: {
        ...at,
        mangopayId: "tk1",
        userId: "tu6",
        type: "IDENTITY_PROOF",
        status: "VALIDATED",
        tag: "campaign-kyc",
      },
    });
    await db.mirrorUboDeclaration.create({
      data: { ...at, mangopayId: "to1", userId: "tu7", status: "CREATED", tag: "campaign-ubo" },
    });
    await db.mirrorDispute.create({
      data: {
        ...at,
        mangopayId: "td1",
        initialTransactionId: "tt1",
        status: "SUBMITTED",
        currency: "EUR",
        disputedMinor: 900n,
        tag: "campaign-dispute",
      },
    });
    // Elsewhere: another account of this Hub, and a Tag that only contains the query.
    await db.mirrorWallet.create({
      data: {
        ...at,
        apiAccountId: account.id,
        mangopayId: "tw2",
        currency: "EUR",
        balanceMinor: 1n,
        tag: "campaign-x",
      },
    });
    await db.mirrorWallet.create({
      data: { ...at, mangopayId: "tw3", currency: "EUR", balanceMinor: 1n, tag: "old-campaign" },
    });
  });

  const objects = async (query: string) =>
    (await findInMirror({ ctx: accountContextFor(hub, "READ_ONLY", tagged), input: { query } })).objects;

  it("finds every kind of object by a Tag's start, 10 per kind, this account's only", async () => {
    const found = await objects("campaign-");
    const users = found.filter((o) => o.kind === "user");
    expect(users).toHaveLength(10);
    expect(users[0]).toEqual({
      kind: "user",
      label: "User",
      id: expect.stringMatching(/^tu\d+$/),
      matched: expect.stringMatching(/^Tag “campaign-user-\d+”$/),
      status: "ACTIVE",
      userId: users[0]?.id,
      transactionKind: null,
      amount: null,
      syncedSecondsAgo: expect.any(Number),
    });
    const rest = found.filter((o) => o.kind !== "user");
    expect(rest.every((o) => o.syncedSecondsAgo >= 0)).toBe(true);
    expect(rest).toEqual(
      [
        {
          kind: "wallet",
          label: "Wallet",
          id: "tw1",
          matched: "Tag “campaign-wallet”",
          status: null,
          userId: "tu1",
          transactionKind: null,
          amount: { amountMinor: 1234, currency: "GBP" },
        },
        {
          kind: "transaction",
          label: "TRANSFER",
          id: "tt1",
          matched: "Tag “campaign-transfer”",
          status: "SUCCEEDED",
          userId: "tu2",
          transactionKind: "TRANSFER",
          amount: { amountMinor: 2500, currency: "EUR" },
        },
        ...[
          ["bankAccount", "Bank account", "tb1", "campaign-bank", "ACTIVE", "tu3"],
          ["card", "Card", "tc1", "campaign-card", "INACTIVE", "tu4"],
          ["mandate", "Mandate", "tm1", "campaign-mandate", "SUBMITTED", "tu5"],
          ["kycDocument", "KYC document", "tk1", "campaign-kyc", "VALIDATED", "tu6"],
          ["uboDeclaration", "UBO declaration", "to1", "campaign-ubo", "CREATED", "tu7"],
          ["dispute", "Dispute", "td1", "campaign-dispute", "SUBMITTED", null],
        ].map(([kind, label, id, tag, status, userId]) => ({
          kind,
          label,
          id,
          matched: `Tag “${tag}”`,
          status,
          userId,
          transactionKind: null,
          amount: null,
        })),
      ].map((o) => ({ ...o, syncedSecondsAgo: expect.any(Number) })),
    );
  });

  it("narrows by a longer start and finds nothing for a Tag's middle", async () => {
    expect((await objects("campaign-user-1")).map((o) => o.id).sort()).toEqual(["tu1", "tu10", "tu11"]);
    expect((await objects("campaign-wal")).map((o) => o.id)).toEqual(["tw1"]);
    expect(await objects("paign")).toEqual([]);
  });
});
