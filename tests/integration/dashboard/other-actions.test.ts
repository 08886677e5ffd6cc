/** @jest-environment node */
// The dashboard's writes that move no money, against a private emulator over real HTTP and a real
// database: what MANGOPAY ends up holding, the audit rows (intent and result), refusals that change
// nothing (no MANGOPAY call, no row), forbidden roles, another account's ids, MANGOPAY's own field
// errors shown under the form's field names, receipts whose PDF text holds the screen's amounts,
// and feedback stored and listed for Owners only.
import { defaultCallRecorder } from "@/lib/mangopay";
import { formatMoney } from "@/lib/money";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from "@/lib/server/errors";
import type { RoleName } from "@/lib/server/permissions";
import { createBankAccount } from "@/lib/services/bank-accounts/create";
import { deactivateBankAccount } from "@/lib/services/bank-accounts/deactivate";
import { closeDispute } from "@/lib/services/disputes/close";
import { contestDispute } from "@/lib/services/disputes/contest";
import { addDisputeDocumentPage } from "@/lib/services/disputes/add-document-page";
import { createDisputeDocument } from "@/lib/services/disputes/create-document";
import { resubmitDispute } from "@/lib/services/disputes/resubmit";
import { submitDisputeDocument } from "@/lib/services/disputes/submit-document";
import { listFeedback } from "@/lib/services/feedback/list";
import { sendFeedback } from "@/lib/services/feedback/send";
import { createHook } from "@/lib/services/hooks/create";
import { updateHook } from "@/lib/services/hooks/update";
import { addKycPage } from "@/lib/services/kyc-documents/add-page";
import { createKycDocument } from "@/lib/services/kyc-documents/create";
import { submitKycDocument } from "@/lib/services/kyc-documents/submit";
import { createMandate } from "@/lib/services/mandates/create";
import { buildTransactionReceipt } from "@/lib/services/receipts/build";
import { addUbo } from "@/lib/services/ubo-declarations/add-ubo";
import { createUboDeclaration } from "@/lib/services/ubo-declarations/create";
import { getEditableUboDeclaration } from "@/lib/services/ubo-declarations/get-editable";
import { submitUboDeclaration } from "@/lib/services/ubo-declarations/submit";
import { updateUbo } from "@/lib/services/ubo-declarations/update-ubo";
import { createUser } from "@/lib/services/users/create";
import type { CreateUserInput } from "@/lib/services/users/schemas";
import { updateUser } from "@/lib/services/users/update";
import { pdfText } from "../../support/pdf-text";
import { accountContextFor, createTestAccount, createTestHub, uid, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

afterAll(() => db.$disconnect());

type Row = Record<string, unknown> & { Id: string };

let emu: TestEmulator;
let hub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
let production: Awaited<ReturnType<typeof createTestAccount>>;
let foreignUserId: string;
const fetchSpy = jest.spyOn(globalThis, "fetch");
const upstreamCalls = () => fetchSpy.mock.calls.length + defaultCallRecorder().recordedTotal;

async function raw<T = Row[]>(path: string, clientId = "demo-marketplace"): Promise<T> {
  const c = emu.clients.find((x) => x.ClientId === clientId);
  const res = await fetch(`${emu.url}/v2.01/${clientId}${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${c?.ApiKey}`).toString("base64")}` },
  });
  if (!res.ok) throw new Error(`${path} → ${res.status}`);
  return (await res.json()) as T;
}

const as = (role: RoleName, grants?: string[]) => accountContextFor(hub, role, account, grants);
const operations = (action: string) => db.upstreamOperation.count({ where: { apiAccountId: account.id, action } });
const audits = (action: string) =>
  db.auditEvent.findMany({ where: { hubId: hub.hubId, action }, orderBy: { createdAt: "asc" } });

/** This test Hub's operations and audit rows (other test files write to the same database at the same time). */
const hubRows = async () => ({
  ops: await db.upstreamOperation.count({ where: { hubId: hub.hubId } }),
  audit: await db.auditEvent.count({ where: { hubId: hub.hubId } }),
});

/**
 * Nothing reached MANGOPAY and no row was written while `run` was refused with `error`.
 */
async function refusedWithoutEffect(run: () => Promise<unknown>, error: new (...args: never[]) => Error) {
  const rows = async () => ({ calls: upstreamCalls(), ...(await hubRows()) });
  const before = await rows();
  await expect(run()).rejects.toBeInstanceOf(error);
  expect(await rows()).toEqual(before);
}

const PDF_PAGE = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(40 * 1024, 32)]).toString("base64");
const ADDRESS = { line1: "1 rue de la Paix", city: "Paris", postalCode: "75002", country: "FR" };
// Inputs as a form posts them (flat strings); the schemas decide what is valid, so the tests do not.
const form = <T>(values: Record<string, unknown>) => values as T;
const natural = (extra: Record<string, unknown> = {}) =>
  form<CreateUserInput & { email: string }>({
    accountId: account.id,
    personType: "NATURAL",
    category: "PAYER",
    email: `ada.${uid()}@example.test`,
    firstName: "Ada",
    lastName: "Lovelace",
    ...extra,
  });

beforeAll(async () => {
  emu = await startTestEmulator(21);
  const mk = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  hub = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: emu.url, clientId: mk?.ClientId, apiKey: mk?.ApiKey });
  const cf = emu.clients.find((c) => c.ClientId === "demo-crowdfunding");
  production = await createTestAccount(hub, {
    baseUrl: emu.url,
    clientId: cf?.ClientId,
    apiKey: cf?.ApiKey,
    environment: "PRODUCTION",
  });
  const exists = async (path: string) =>
    (
      await fetch(`${emu.url}/v2.01/demo-marketplace${path}`, {
        headers: { authorization: `Basic ${Buffer.from(`demo-marketplace:${mk?.ApiKey}`).toString("base64")}` },
      })
    ).status !== 404;
  for (const u of await raw("/users?per_page=100&Sort=CreationDate:DESC", "demo-crowdfunding")) {
    if (!(await exists(`/users/${u.Id}`))) {
      foreignUserId = u.Id;
      break;
    }
  }
  if (!foreignUserId) throw new Error("no crowdfunding-only user id in this seed");
});
afterAll(() => emu.close());

describe("add and edit a user", () => {
  it("creates a natural Owner at MANGOPAY with an audit row for the intent and one for the result", async () => {
    const input = natural({
      category: "OWNER",
      termsAccepted: "on",
      birthday: "1990-05-17",
      nationality: "FR",
      countryOfResidence: "FR",
      addressLine1: "1 rue de la Paix",
      addressCity: "Paris",
      addressPostalCode: "75002",
      addressCountry: "FR",
    });
    const user = await createUser({ ctx: as("OPERATOR"), input });
    const stored = await raw<Row>(`/users/${user.id}`);
    expect(stored).toMatchObject({
      PersonType: "NATURAL",
      UserCategory: "OWNER",
      FirstName: "Ada",
      Email: input.email,
      Nationality: "FR",
      Birthday: Date.UTC(1990, 4, 17) / 1000,
      TermsAndConditionsAccepted: true,
    });
    const [intent] = (await audits("user.create.intent")).slice(-1);
    const [result] = (await audits("user.create")).slice(-1);
    expect(intent?.after).toMatchObject({ Email: input.email, UserCategory: "OWNER" });
    expect(result).toMatchObject({ targetType: "user", targetId: user.id });
    expect(await db.upstreamOperation.findFirst({ where: { upstreamId: user.id }, select: { status: true } })).toEqual({
      status: "SUCCEEDED",
    });
  });

  it("creates a legal user with its representative and headquarters", async () => {
    const user = await createUser({
      ctx: as("OWNER"),
      input: form({
        accountId: account.id,
        personType: "LEGAL",
        category: "PAYER",
        email: `acme.${uid()}@example.test`,
        name: "Acme SAS",
        legalPersonType: "BUSINESS",
        repFirstName: "Grace",
        repLastName: "Hopper",
        hqLine1: "2 avenue de l'Opéra",
        hqCity: "Paris",
        hqPostalCode: "75001",
        hqCountry: "FR",
      }),
    });
    expect(await raw<Row>(`/users/${user.id}`)).toMatchObject({
      PersonType: "LEGAL",
      Name: "Acme SAS",
      LegalRepresentativeFirstName: "Grace",
      HeadquartersAddress: expect.objectContaining({ City: "Paris", Country: "FR" }),
    });
  });

  it("refuses an Owner without terms, birthday or address field by field, before calling MANGOPAY", async () => {
    const err = await createUser({ ctx: as("OWNER"), input: natural({ category: "OWNER" }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fieldErrors).sort()).toEqual(
      [
        "addressCity",
        "addressCountry",
        "addressLine1",
        "addressPostalCode",
        "birthday",
        "countryOfResidence",
        "nationality",
        "termsAccepted",
      ].sort(),
    );
    await refusedWithoutEffect(
      () => createUser({ ctx: as("OWNER"), input: natural({ email: "not-an-email", birthday: "2999-01-01" }) }),
      ValidationError,
    );
  });

  it("refuses a read-only member and a role without users.create, with nothing sent or written", async () => {
    await refusedWithoutEffect(() => createUser({ ctx: as("READ_ONLY"), input: natural() }), ForbiddenError);
    await refusedWithoutEffect(() => createUser({ ctx: as("FINANCE"), input: natural() }), ForbiddenError);
  });

  it("edits a user's editable fields and keeps the former values in the audit", async () => {
    const user = await createUser({ ctx: as("OPERATOR"), input: natural() });
    const edited = await updateUser({
      ctx: as("OPERATOR"),
      input: form({ ...natural({ firstName: "Augusta", email: user.email }), userId: user.id, occupation: "Analyst" }),
    });
    expect(edited.name).toBe("Augusta Lovelace");
    expect(await raw<Row>(`/users/${user.id}`)).toMatchObject({ FirstName: "Augusta", Occupation: "Analyst" });
    const [audit] = (await audits("user.update")).slice(-1);
    expect(audit?.before).toMatchObject({ name: "Ada Lovelace" });
  });

  it("answers NotFound for another account's user id and writes nothing", async () => {
    await refusedWithoutEffectAllowingRead(() =>
      updateUser({ ctx: as("OWNER"), input: { ...natural(), userId: foreignUserId } }),
    );
  });
});

/** A foreign id is discovered by MANGOPAY's own 404 on a read: that read is the only call, nothing is written. */
async function refusedWithoutEffectAllowingRead(run: () => Promise<unknown>) {
  const before = await hubRows();
  await expect(run()).rejects.toBeInstanceOf(NotFoundError);
  expect(await hubRows()).toEqual(before);
}

describe("bank accounts and mandates", () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await createUser({ ctx: as("OWNER"), input: natural() })).id;
  });

  it("adds an IBAN account, shows MANGOPAY's checksum refusal on the IBAN field, and deactivates after reading it", async () => {
    const input = { accountId: account.id, userId, type: "IBAN" as const, ownerName: "Ada Lovelace", ...ADDRESS };
    const created = await createBankAccount({
      ctx: as("OPERATOR"),
      input: { ...input, iban: "FR7630004000031234567890143" },
    });
    expect(created).toMatchObject({ type: "IBAN", active: true, maskedNumber: expect.stringMatching(/^FR76•+0143$/) });

    // A well-formed IBAN with a wrong checksum passes our format check; MANGOPAY refuses it by field name.
    const refused = await createBankAccount({
      ctx: as("OPERATOR"),
      input: { ...input, iban: "FR7630004000031234567890144" },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.iban?.[0]).toMatch(/valid IBAN/);
    expect((await audits("bank_account.create.failed")).length).toBeGreaterThan(0);

    const off = await deactivateBankAccount({
      ctx: as("OPERATOR"),
      input: { accountId: account.id, userId, bankAccountId: created.id },
    });
    expect(off.active).toBe(false);
    await expect(
      deactivateBankAccount({
        ctx: as("OPERATOR"),
        input: { accountId: account.id, userId, bankAccountId: created.id },
      }),
    ).rejects.toBeInstanceOf(PreconditionError);
  });

  it("checks each type's own fields (GB sort code, US ABA) before calling MANGOPAY", async () => {
    const base = { accountId: account.id, userId, ownerName: "Ada", ...ADDRESS };
    const gb = await createBankAccount({
      ctx: as("OPERATOR"),
      input: { ...base, type: "GB", accountNumber: "12345", sortCode: "12-34" },
    }).catch((e: unknown) => e);
    expect(Object.keys((gb as ValidationError).fieldErrors).sort()).toEqual(["accountNumber", "sortCode"]);
    await refusedWithoutEffect(
      () => createBankAccount({ ctx: as("OPERATOR"), input: { ...base, type: "US", accountNumber: "123456" } }),
      ValidationError,
    );
    await refusedWithoutEffect(
      () =>
        createBankAccount({
          ctx: as("FINANCE"),
          input: { ...base, type: "IBAN", iban: "FR7630004000031234567890143" },
        }),
      ForbiddenError,
    );
  });

  it("creates a mandate on an active account and returns MANGOPAY's confirmation URL", async () => {
    const bank = await createBankAccount({
      ctx: as("OPERATOR"),
      input: {
        accountId: account.id,
        userId,
        type: "IBAN",
        ownerName: "Ada",
        iban: "FR7630004000031234567890143",
        ...ADDRESS,
      },
    });
    const mandate = await createMandate({
      ctx: as("OPERATOR"),
      input: {
        accountId: account.id,
        userId,
        bankAccountId: bank.id,
        culture: "EN",
        returnUrl: "https://shop.example.test/back",
      },
    });
    expect(mandate.bankAccountId).toBe(bank.id);
    expect(mandate.confirmationUrl).toMatch(/^https?:\/\//);
    // DEVELOPER holds bankAccounts.* but not mandates.create.
    await refusedWithoutEffect(
      () =>
        createMandate({
          ctx: as("DEVELOPER"),
          input: { accountId: account.id, userId, bankAccountId: bank.id, culture: "EN", returnUrl: "https://x.test" },
        }),
      ForbiddenError,
    );
  });
});

describe("KYC documents and UBO declarations", () => {
  it("uploads pages and submits: the status is VALIDATION_ASKED right after", async () => {
    const userId = (await createUser({ ctx: as("OWNER"), input: natural() })).id;
    const ctx = as("OPERATOR");
    const doc = await createKycDocument({ ctx, input: { accountId: account.id, userId, type: "IDENTITY_PROOF" } });
    await addKycPage({ ctx, input: { accountId: account.id, userId, documentId: doc.id, file: PDF_PAGE } });
    const submitted = await submitKycDocument({ ctx, input: { accountId: account.id, userId, documentId: doc.id } });
    expect(submitted.status).toBe("VALIDATION_ASKED");
    expect((await raw<Row>(`/kyc/documents/${doc.id}`)).Status).toBe("VALIDATION_ASKED");
    expect(await operations("kyc_document.add_page")).toBeGreaterThan(0);
  });

  it("refuses a page that is not PDF/JPEG/PNG or is too small, before any MANGOPAY call", async () => {
    const userId = (await createUser({ ctx: as("OWNER"), input: natural() })).id;
    const ctx = as("OPERATOR");
    const doc = await createKycDocument({ ctx, input: { accountId: account.id, userId, type: "ADDRESS_PROOF" } });
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4096)]).toString("base64");
    const tiny = Buffer.from("%PDF-1.4 tiny").toString("base64");
    for (const file of [exe, tiny, "not base64 at all!"])
      await refusedWithoutEffect(
        () => addKycPage({ ctx, input: { accountId: account.id, userId, documentId: doc.id, file } }),
        ValidationError,
      );
  });

  it("runs a legal user's UBO declaration: create, add a UBO, edit it, submit", async () => {
    const legal = await createUser({
      ctx: as("OWNER"),
      input: {
        accountId: account.id,
        personType: "LEGAL",
        category: "PAYER",
        email: `ubo.${uid()}@example.test`,
        name: "Ubo Ltd",
        legalPersonType: "BUSINESS",
        repFirstName: "Ada",
        repLastName: "Owner",
      },
    });
    const ctx = as("OPERATOR");
    const ids = { accountId: account.id, userId: legal.id };
    const declaration = await createUboDeclaration({ ctx, input: ids });
    await expect(
      submitUboDeclaration({ ctx, input: { ...ids, declarationId: declaration.id } }),
    ).rejects.toBeInstanceOf(PreconditionError);
    await addUbo({
      ctx,
      input: {
        ...ids,
        declarationId: declaration.id,
        firstName: "Ada",
        lastName: "Owner",
        birthday: "1980-02-03",
        nationality: "FR",
        birthplaceCity: "Paris",
        birthplaceCountry: "FR",
        ...ADDRESS,
      },
    });
    const editable = await getEditableUboDeclaration({ ctx, input: { userId: legal.id } });
    expect(editable?.ubos).toEqual([
      expect.objectContaining({ firstName: "Ada", birthday: "1980-02-03", birthplaceCity: "Paris", city: "Paris" }),
    ]);
    const uboId = editable?.ubos[0]?.id ?? "";
    await updateUbo({
      ctx,
      input: form({
        ...ids,
        declarationId: declaration.id,
        uboId,
        isActive: "on",
        firstName: "Ada",
        lastName: "Byron",
        birthday: "1980-02-03",
        nationality: "GB",
        birthplaceCity: "London",
        birthplaceCountry: "GB",
        ...ADDRESS,
      }),
    });
    const stored = await raw<Row & { Ubos: Row[] }>(`/kyc/ubodeclarations/${declaration.id}`);
    expect(stored.Ubos[0]).toMatchObject({ LastName: "Byron", Nationality: "GB" });
    expect((await audits("ubo.update")).at(-1)?.before).toMatchObject({ name: "Ada Owner" });
    const submitted = await submitUboDeclaration({ ctx, input: { ...ids, declarationId: declaration.id } });
    expect(submitted.status).toBe("VALIDATION_ASKED");
    await refusedWithoutEffect(() => createUboDeclaration({ ctx: as("DEVELOPER"), input: ids }), ForbiddenError);
  });
});

describe("disputes (no money moves)", () => {
  async function openDispute(): Promise<Row & { DisputedFunds: { Amount: number; Currency: string } }> {
    const all = await raw<(Row & { Status: string; DisputeType: string; ContestDeadlineDate: number | null })[]>(
      "/disputes?per_page=100&Status=PENDING_CLIENT_ACTION",
    );
    const open = all.filter(
      (d) => d.DisputeType === "CONTESTABLE" && (d.ContestDeadlineDate ?? 0) * 1000 > Date.now() + 3_600_000,
    );
    const used = new Set((await db.auditEvent.findMany({ where: { targetType: "dispute" } })).map((a) => a.targetId));
    const d = open.find((x) => !used.has(x.Id));
    if (!d) throw new Error("the seed has no open contestable dispute left");
    return d as unknown as Row & { DisputedFunds: { Amount: number; Currency: string } };
  }

  it("contests part of the amount with an evidence document, then refuses a second contest", async () => {
    const d = await openDispute();
    const ctx = as("OPERATOR");
    const ids = { accountId: account.id, disputeId: d.Id };
    const doc = await createDisputeDocument({ ctx, input: { ...ids, type: "DELIVERY_PROOF" } });
    await addDisputeDocumentPage({ ctx, input: { ...ids, documentId: doc.id, file: PDF_PAGE } });
    await addDisputeDocumentPage({ ctx, input: { ...ids, documentId: doc.id, file: PDF_PAGE } });
    expect((await submitDisputeDocument({ ctx, input: { ...ids, documentId: doc.id } })).status).toBe(
      "VALIDATION_ASKED",
    );
    const half = Math.floor(d.DisputedFunds.Amount / 2);
    const digits = d.DisputedFunds.Currency === "JPY" ? 0 : 2;
    const contested = await contestDispute({
      ctx,
      input: { ...ids, amount: (half / 10 ** digits).toFixed(digits) },
    });
    expect(contested.status).toBe("SUBMITTED");
    expect(contested.contestedFunds).toEqual({ amountMinor: half, currency: d.DisputedFunds.Currency });
    const [intent] = (await audits("dispute.contest.intent")).slice(-1);
    expect(intent?.after).toMatchObject({ contestedFunds: { amountMinor: half } });
    await refusedWithoutEffectAllowingPrecondition(() => contestDispute({ ctx, input: { ...ids, amount: "1" } }));
  });

  it("refuses more than the disputed amount, and members without disputes.edit", async () => {
    const d = await openDispute();
    const ids = { accountId: account.id, disputeId: d.Id };
    const tooMuch = formatMoney(d.DisputedFunds.Amount + 100, d.DisputedFunds.Currency).replace(/[^\d.,]/g, "");
    const err = await contestDispute({ ctx: as("OPERATOR"), input: { ...ids, amount: tooMuch } }).catch(
      (e: unknown) => e,
    );
    expect((err as ValidationError).fieldErrors.amount?.[0]).toContain(
      formatMoney(d.DisputedFunds.Amount, d.DisputedFunds.Currency),
    );
    for (const amount of ["-5", "0", "abc", "1,234", "12.345"])
      await refusedWithoutEffect(
        () => contestDispute({ ctx: as("OPERATOR"), input: { ...ids, amount } }),
        ValidationError,
      );
    for (const role of ["READ_ONLY", "DEVELOPER", "FINANCE"] as const)
      await refusedWithoutEffect(() => closeDispute({ ctx: as(role), input: ids }), ForbiddenError);
    await refusedWithoutEffectAllowingRead(() =>
      closeDispute({ ctx: as("OPERATOR"), input: { ...ids, disputeId: foreignUserId } }),
    );
  });

  it("closes (accepts) a dispute, and resubmits one MANGOPAY reopened", async () => {
    const closing = await openDispute();
    const closed = await closeDispute({ ctx: as("OPERATOR"), input: { accountId: account.id, disputeId: closing.Id } });
    expect(closed.status).toBe("CLOSED");

    const reopened = await openDispute();
    await emu.control("POST", `/clients/demo-marketplace/disputes/${reopened.Id}/status`, {
      Status: "REOPENED_PENDING_CLIENT_ACTION",
      StatusMessage: "Send the signed delivery note",
    });
    const ids = { accountId: account.id, disputeId: reopened.Id };
    await expect(contestDispute({ ctx: as("OPERATOR"), input: { ...ids, amount: "1" } })).rejects.toBeInstanceOf(
      PreconditionError,
    );
    expect((await resubmitDispute({ ctx: as("OPERATOR"), input: ids })).status).toBe("SUBMITTED");
  });
});

async function refusedWithoutEffectAllowingPrecondition(run: () => Promise<unknown>) {
  const before = await hubRows();
  await expect(run()).rejects.toBeInstanceOf(PreconditionError);
  expect(await hubRows()).toEqual(before);
}

describe("hooks", () => {
  it("creates a hook, changes its URL, disables it; a production account needs https", async () => {
    const ctx = as("DEVELOPER");
    const types = (await raw<{ EventType: string }[]>("/hooks?per_page=100")).map((h) => h.EventType);
    const eventType = ["KYC_OUTDATED", "UBO_DECLARATION_INCOMPLETE", "MANDATE_EXPIRED", "PAYOUT_REFUND_FAILED"].find(
      (t) => !types.includes(t),
    );
    if (!eventType) throw new Error("every candidate event type already has a hook in this seed");
    const hook = await createHook({
      ctx,
      input: { accountId: account.id, eventType, url: "http://hooks.internal.test/mangopay" },
    });
    expect(hook).toMatchObject({ eventType, status: "ENABLED" });
    const moved = await updateHook({
      ctx,
      input: { accountId: account.id, hookId: hook.id, url: "https://hooks.example.test/v2" },
    });
    expect(moved.url).toBe("https://hooks.example.test/v2");
    const off = await updateHook({ ctx, input: { accountId: account.id, hookId: hook.id, status: "DISABLED" } });
    expect(off.status).toBe("DISABLED");
    expect((await raw<Row>(`/hooks/${hook.id}`)).Status).toBe("DISABLED");

    const prodCtx = accountContextFor(hub, "DEVELOPER", production);
    const err = await createHook({
      ctx: prodCtx,
      input: { accountId: production.id, eventType: "USER_KYC_LIGHT", url: "http://hooks.example.test/x" },
    }).catch((e: unknown) => e);
    expect((err as ValidationError).fieldErrors.url).toEqual(["A production account's hooks must use https"]);
    await refusedWithoutEffect(
      () => createHook({ ctx: as("OPERATOR"), input: { accountId: account.id, eventType, url: "https://x.test" } }),
      ForbiddenError,
    );
  });
});

type PayIn = Row & { DebitedFunds: { Amount: number; Currency: string }; Fees: { Amount: number; Currency: string } };

/** A succeeded pay-in of `clientId`, read through its users' transaction lists (there is no global list). */
async function succeededPayIn(clientId: string, skip: (id: string) => Promise<boolean> = async () => false) {
  for (const u of await raw("/users?per_page=100", clientId)) {
    const txs = await raw<PayIn[]>(
      `/users/${u.Id}/transactions?per_page=100&Type=PAYIN&Status=SUCCEEDED&ScaContext=USER_NOT_PRESENT`,
      clientId,
    ).catch(() => []);
    for (const t of txs) if (!(await skip(t.Id))) return t;
  }
  return undefined;
}

let foreignPayInId: string;

describe("receipts", () => {
  beforeAll(async () => {
    const mk = emu.clients.find((c) => c.ClientId === "demo-marketplace");
    // A pay-in of the other client whose id names no transaction of any kind in this one.
    const status = async (path: string) =>
      (
        await fetch(`${emu.url}/v2.01/demo-marketplace${path}`, {
          headers: { authorization: `Basic ${Buffer.from(`demo-marketplace:${mk?.ApiKey}`).toString("base64")}` },
        })
      ).status;
    const existsHere = async (id: string) => {
      const kinds = ["payins", "payouts", "transfers", "refunds", "repudiations", "settlements"];
      return (await Promise.all(kinds.map((k) => status(`/${k}/${id}`)))).some((s) => s !== 404);
    };
    const foreign = await succeededPayIn("demo-crowdfunding", existsHere);
    if (!foreign) throw new Error("no crowdfunding-only pay-in id in this seed");
    foreignPayInId = foreign.Id;
  });

  it("a pay-in's receipt is a PDF whose text holds the platform, the ids and the amounts as the screen formats them", async () => {
    const payin = await succeededPayIn("demo-marketplace");
    if (!payin) throw new Error("no succeeded pay-in in this seed");
    const receipt = await buildTransactionReceipt({
      ctx: as("FINANCE"),
      input: { transactionId: payin.Id, kind: "PAYIN" },
    });
    expect(Buffer.from(receipt.bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const text = pdfText(receipt.bytes);
    expect(text).toContain(`Pay-in receipt ${payin.Id}`);
    expect(text).toContain(formatMoney(payin.DebitedFunds.Amount, payin.DebitedFunds.Currency));
    expect(text).toContain(formatMoney(payin.Fees.Amount, payin.Fees.Currency));
    expect(text).toContain("SUCCEEDED");
    expect(text).toContain(account.name);
    const [audit] = (await audits("receipt.download")).slice(-1);
    expect(audit).toMatchObject({ targetId: payin.Id, actorUserId: hub.members.FINANCE.userId });
  });

  it("refuses a member without transactions.read, and another account's transaction id", async () => {
    await expect(
      buildTransactionReceipt({ ctx: as("OWNER", ["users.read"]), input: { transactionId: "1" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      buildTransactionReceipt({ ctx: as("OWNER"), input: { transactionId: foreignPayInId, kind: "PAYIN" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("feedback", () => {
  it("stores the message with its page, account and member, and lists it for Owners only", async () => {
    const ctx = as("READ_ONLY");
    const message = `The KYC page could say which file failed ${uid()}`;
    const sent = await sendFeedback({
      ctx,
      input: { accountId: account.id, message, page: `/accounts/${account.id}/users` },
    });
    expect(sent.mailed).toBe(false); // no SMTP in tests
    expect(await db.feedback.findUnique({ where: { id: sent.id } })).toMatchObject({
      hubId: hub.hubId,
      apiAccountId: account.id,
      userId: hub.members.READ_ONLY.userId,
      message,
      page: `/accounts/${account.id}/users`,
    });
    expect((await audits("feedback.create")).some((a) => a.targetId === sent.id)).toBe(true);
    const listed = await listFeedback({ ctx: hub.ctx("OWNER") });
    expect(listed.find((f) => f.id === sent.id)).toMatchObject({
      message,
      memberEmail: hub.members.READ_ONLY.email,
      accountName: account.name,
    });
    for (const role of ["ADMIN", "DEVELOPER", "OPERATOR", "FINANCE", "READ_ONLY"] as const)
      await expect(listFeedback({ ctx: hub.ctx(role) })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses an empty or oversized message and a page that is not a path, writing nothing", async () => {
    const ctx = as("OPERATOR");
    for (const input of [
      { accountId: account.id, message: "   " },
      { accountId: account.id, message: "x".repeat(2001) },
      { accountId: account.id, message: "ok", page: "https://evil.test/" },
    ])
      await refusedWithoutEffect(() => sendFeedback({ ctx, input }), ValidationError);
    await expect(
      sendFeedback({ ctx, input: { accountId: production.id, message: "from another account" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
