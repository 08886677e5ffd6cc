/** @jest-environment node */
// The transaction detail's card, bank account and mandate verbs, and search by an event's
// ResourceId: values as MANGOPAY sent them, Forbidden without the permission, NotFound for a miss.
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import type { RoleName } from "@/lib/server/permissions";
import { getBankAccount } from "@/lib/services/bank-accounts/get";
import { getCard } from "@/lib/services/cards/get";
import { getMandate } from "@/lib/services/mandates/get";
import { findEventsByResourceId } from "@/lib/services/search/find-events";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

type Row = Record<string, unknown> & { Id: string };
let emu: TestEmulator;
let hub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
const ctxAs = (role: RoleName = "OWNER", grants?: string[]) => accountContextFor(hub, role, account, grants);

async function raw<T = Row[]>(path: string): Promise<T> {
  const c = emu.clients.find((x) => x.ClientId === "demo-marketplace");
  const res = await fetch(`${emu.url}/v2.01/demo-marketplace${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`demo-marketplace:${c?.ApiKey}`).toString("base64")}` },
  });
  if (!res.ok) throw new Error(`${path} → ${res.status}`);
  return (await res.json()) as T;
}

let card: Row;
let bankAccount: Row;
let mandate: Row;

beforeAll(async () => {
  emu = await startTestEmulator(7);
  const mk = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  hub = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: emu.url, clientId: mk?.ClientId, apiKey: mk?.ApiKey });
  for (const u of await raw("/users?per_page=100")) {
    card ??= (await raw(`/users/${u.Id}/cards`))[0] as Row;
    bankAccount ??= (await raw(`/users/${u.Id}/bankaccounts`)).find((b) => b.IBAN) as Row;
    mandate ??= (await raw(`/users/${u.Id}/mandates`))[0] as Row;
    if (card && bankAccount && mandate) break;
  }
  // Lists carry a projection: the full mandate is the truth to compare with.
  if (mandate) mandate = await raw<Row>(`/mandates/${mandate.Id}`);
  expect(card && bankAccount && mandate).toBeTruthy();
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await emu?.close();
});

it("reads a card: alias, expiry as MM/YY, validity, active", async () => {
  const c = await getCard({ ctx: ctxAs(), input: { cardId: card.Id } });
  const e = String(card.ExpirationDate);
  expect(c).toMatchObject({
    id: card.Id,
    userId: card.UserId,
    alias: card.Alias,
    expiry: `${e.slice(0, 2)}/${e.slice(2)}`,
    validity: card.Validity,
    active: card.Active,
  });
  await expect(getCard({ ctx: ctxAs("OWNER", ["users.read"]), input: { cardId: card.Id } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(getCard({ ctx: ctxAs(), input: { cardId: "999999999" } })).rejects.toBeInstanceOf(NotFoundError);
});

it("reads a bank account through its user: type, owner, masked IBAN (last 4 only)", async () => {
  const input = { userId: bankAccount.UserId, bankAccountId: bankAccount.Id };
  const b = await getBankAccount({ ctx: ctxAs(), input });
  const iban = String(bankAccount.IBAN).replace(/\s+/g, "");
  expect(b).toMatchObject({ id: bankAccount.Id, type: bankAccount.Type, ownerName: bankAccount.OwnerName });
  expect(b.maskedNumber?.endsWith(iban.slice(-4))).toBe(true);
  expect(b.maskedNumber).not.toContain(iban.slice(4, -4));
  await expect(getBankAccount({ ctx: ctxAs("OWNER", ["users.read"]), input })).rejects.toBeInstanceOf(ForbiddenError);
  // Another user's path to the same bank account is a miss, not the account.
  await expect(
    getBankAccount({ ctx: ctxAs(), input: { userId: "999999999", bankAccountId: bankAccount.Id } }),
  ).rejects.toBeInstanceOf(NotFoundError);
});

it("reads a mandate: status, scheme, bank account", async () => {
  const m = await getMandate({ ctx: ctxAs(), input: { mandateId: mandate.Id } });
  expect(m).toMatchObject({
    id: mandate.Id,
    status: mandate.Status,
    scheme: mandate.Scheme ?? null,
    bankAccountId: mandate.BankAccountId,
  });
  await expect(
    getMandate({ ctx: ctxAs("OWNER", ["users.read"]), input: { mandateId: mandate.Id } }),
  ).rejects.toBeInstanceOf(ForbiddenError);
  await expect(getMandate({ ctx: ctxAs(), input: { mandateId: "../mandates" } })).rejects.toBeInstanceOf(NotFoundError);
});

it("finds every recent event whose ResourceId is the searched Id, newest first", async () => {
  const events = await raw<{ ResourceId: string; EventType: string; Date: number }[]>(
    "/events?per_page=100&Sort=Date:DESC",
  );
  const target = events[Math.floor(events.length / 2)];
  expect(target).toBeDefined();
  const id = target?.ResourceId ?? "";
  const expected = events.filter((e) => e.ResourceId === id);
  const found = await findEventsByResourceId({ ctx: ctxAs(), input: { query: id } });
  expect(found.hits.map((h) => [h.eventType, h.date])).toEqual(
    expected.map((e) => [e.EventType, new Date(e.Date * 1000).toISOString()]),
  );
  expect(found.hits.every((h) => h.resourceId === id)).toBe(true);
  expect(found.scanned).toBeGreaterThanOrEqual(events.length);
  const miss = await findEventsByResourceId({ ctx: ctxAs(), input: { query: "999999999" } });
  expect(miss.hits).toEqual([]);
  // Not an Id: nothing read at all.
  expect(await findEventsByResourceId({ ctx: ctxAs(), input: { query: "<script>" } })).toEqual({
    hits: [],
    scanned: 0,
    truncated: false,
  });
  await expect(
    findEventsByResourceId({ ctx: ctxAs("OWNER", ["users.read"]), input: { query: id } }),
  ).rejects.toBeInstanceOf(ForbiddenError);
});
