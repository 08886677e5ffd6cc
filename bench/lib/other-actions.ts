// The dashboard's actions that move no money, for bench/money-actions.ts: each runs the service verb a
// server action runs (after its session check). What a run consumes (a free hook event type, an active
// bank account, an open dispute) is prepared before it through the emulator directly, so only the
// action's own MANGOPAY calls go through the recording proxy.
import { randomUUID } from "node:crypto";
import type { MangopayClient } from "../../lib/mangopay/client";
import type { AccountContext } from "../../lib/server/context-types";
import type { World } from "../../tests/integration/mangopay/world";

export type BenchAction = {
  name: string;
  /** Makes what one run needs (not timed, not counted) and returns the run. */
  prepare: () => Promise<() => Promise<unknown>>;
  /** Why an action makes more than its write (and the token when cold): printed beside its figures. */
  note?: string;
};

const PDF_PAGE = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(40 * 1024, 32)]).toString("base64");
const ADDRESS = { line1: "1 rue de la Paix", city: "Paris", postalCode: "75002", country: "FR" };
const MANGOPAY_ADDRESS = { AddressLine1: "1 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR" };

export async function otherActions(env: {
  accountId: string;
  operator: AccountContext;
  developer: AccountContext;
  world: World;
  direct: MangopayClient;
  emulatorUrl: string;
  clientId: string;
}): Promise<BenchAction[]> {
  const { accountId, operator, developer, world, direct, emulatorUrl, clientId } = env;
  const { createUser } = await import("../../lib/services/users/create");
  const { updateUser } = await import("../../lib/services/users/update");
  const { createBankAccount } = await import("../../lib/services/bank-accounts/create");
  const { deactivateBankAccount } = await import("../../lib/services/bank-accounts/deactivate");
  const { createMandate } = await import("../../lib/services/mandates/create");
  const { createHook } = await import("../../lib/services/hooks/create");
  const { updateHook } = await import("../../lib/services/hooks/update");
  const { createKycDocument } = await import("../../lib/services/kyc-documents/create");
  const { addKycPage } = await import("../../lib/services/kyc-documents/add-page");
  const { submitKycDocument } = await import("../../lib/services/kyc-documents/submit");
  const { closeDispute } = await import("../../lib/services/disputes/close");
  const { sendFeedback } = await import("../../lib/services/feedback/send");
  const { bankAccounts, hooks } = await import("../../lib/mangopay");
  const { EVENT_TYPES } = await import("../../lib/mangopay/event-types");

  const person = () => ({
    accountId,
    personType: "NATURAL" as const,
    category: "PAYER" as const,
    email: `bench.${randomUUID().slice(0, 8)}@example.test`,
    firstName: "Ada",
    lastName: "Lovelace",
  });
  const edited = await createUser({ ctx: operator, input: person() });
  const taken = new Set((await hooks.list(direct, { perPage: 100 })).items.map((h) => h.EventType));
  const freeTypes = EVENT_TYPES.filter((t) => !taken.has(t));
  const hook = await hooks.create(direct, { EventType: freeTypes.shift() ?? "", Url: "https://bench.example.test/a" });
  let flip = 0;
  const control = (path: string, body: unknown) =>
    fetch(`${emulatorUrl}/_emulator/clients/${clientId}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${path} → ${r.status} ${await r.text()}`);
      return (await r.json()) as { Id: string };
    });
  const ready = (run: () => Promise<unknown>) => async () => run;

  return [
    { name: "create user", prepare: ready(() => createUser({ ctx: operator, input: person() })) },
    {
      name: "edit user",
      prepare: ready(() =>
        updateUser({
          ctx: operator,
          input: { ...person(), email: edited.email ?? "", userId: edited.id, firstName: `Ada${flip++}` },
        }),
      ),
      note: "+1 read: the user (its person type, the audit's before)",
    },
    {
      name: "add bank account",
      prepare: ready(() =>
        createBankAccount({
          ctx: operator,
          input: {
            accountId,
            userId: world.owner.Id,
            type: "IBAN",
            ownerName: "Owner Seller",
            iban: "FR7630004000031234567890143",
            ...ADDRESS,
          },
        }),
      ),
    },
    {
      name: "deactivate bank account",
      prepare: async () => {
        const account = await bankAccounts.create(direct, world.owner.Id, {
          Type: "IBAN",
          OwnerName: "Owner Seller",
          OwnerAddress: MANGOPAY_ADDRESS,
          IBAN: "FR7630004000031234567890143",
        });
        return () =>
          deactivateBankAccount({
            ctx: operator,
            input: { accountId, userId: world.owner.Id, bankAccountId: account.Id },
          });
      },
      note: "+1 ownership read: the bank account (of this user, still active)",
    },
    {
      name: "create mandate",
      prepare: ready(() =>
        createMandate({
          ctx: operator,
          input: {
            accountId,
            userId: world.owner.Id,
            bankAccountId: world.bankAccount.Id,
            culture: "EN",
            returnUrl: "https://shop.example.test/back",
          },
        }),
      ),
      note: "+1 ownership read: the bank account (of this user, active)",
    },
    {
      name: "create hook",
      prepare: async () => {
        const eventType = freeTypes.shift();
        if (!eventType) throw new Error("no event type left without a hook");
        return () =>
          createHook({ ctx: developer, input: { accountId, eventType, url: "https://bench.example.test/hook" } });
      },
    },
    {
      name: "edit hook",
      prepare: ready(() =>
        updateHook({
          ctx: developer,
          input: { accountId, hookId: hook.Id, url: `https://bench.example.test/${flip++ % 2 ? "a" : "b"}` },
        }),
      ),
      note: "+1 read: the hook (NotFound for another account's, the audit's before)",
    },
    {
      name: "KYC create+page+submit",
      prepare: ready(async () => {
        const ids = { accountId, userId: world.owner.Id };
        const doc = await createKycDocument({ ctx: operator, input: { ...ids, type: "ADDRESS_PROOF" } });
        await addKycPage({ ctx: operator, input: { ...ids, documentId: doc.id, file: PDF_PAGE } });
        return submitKycDocument({ ctx: operator, input: { ...ids, documentId: doc.id } });
      }),
      note: "3 writes (the upload's 3 steps); ownership reads: the user, then the document (CREATED) before page and submit",
    },
    {
      name: "close dispute",
      prepare: async () => {
        const dispute = await control("/disputes", { PayInId: world.payIn.Id, Amount: 100, advance: false });
        await control(`/disputes/${dispute.Id}/status`, { Status: "PENDING_CLIENT_ACTION" });
        return () => closeDispute({ ctx: operator, input: { accountId, disputeId: dispute.Id } });
      },
      note: "+1 read: the dispute (its status allows closing)",
    },
    {
      name: "share feedback",
      prepare: ready(() =>
        sendFeedback({ ctx: operator, input: { accountId, message: "Bench feedback", page: "/accounts" } }),
      ),
      note: "no MANGOPAY call (stored in the database)",
    },
  ];
}
