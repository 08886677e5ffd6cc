/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on the read surface around disputes, direct debits and reports:
 * Repudiations.getRefunds (a won dispute), Clients.getClientWalletTransactions by funds type (CREDIT and FEES),
 * DisputeDocuments.createDisputeDocumentConsult, Mandates.getTransactions with the pay-in's MandateId, and the
 * Reporting Service (ReportsV2.create, get, getAll) through its statuses and events.
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import { cardPayIn, pngBase64 } from "./compliance-helpers";
import { startApi, str, userWithWallet, type Api } from "./helpers";
import { sdkEventTypes, sdkFor, type SdkError } from "./sdk-setup";

let api: Api;
let sdk: Mangopay;
beforeAll(async () => {
  api = await startApi({ seed: 1, seedUsers: 40, delays: { disputeMs: 5, reportMs: 5 } });
  sdk = sdkFor(api);
});
afterAll(async () => {
  await api.emu.close();
});

const eur = (Amount: number) => ({ Currency: "EUR" as const, Amount });
const sdkError = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as SdkError);

async function poll<T>(get: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await get();
  for (let i = 0; i < 150 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 20));
    value = await get();
  }
  return value;
}

/** A contestable dispute on a fresh card pay-in, waiting for the platform. */
async function openDispute(amount: number): Promise<{ disputeId: string; payInId: string }> {
  const { userId, walletId } = await userWithWallet(api);
  const payInId = await cardPayIn(api, userId, walletId, amount);
  const opened = await api.control("POST", `/clients/${api.clientId}/disputes`, {
    PayInId: payInId,
    DisputeType: "CONTESTABLE",
  });
  const disputeId = str(opened.body.Id);
  await poll(
    () => sdk.Disputes.get(disputeId),
    (d) => d.Status === "PENDING_CLIENT_ACTION",
  );
  return { disputeId, payInId };
}

describe("SDK: repudiation refunds and the client's CREDIT wallet", () => {
  it("a won dispute refunds its repudiation into CREDIT_EUR; both show in that wallet's transactions only", async () => {
    const { disputeId } = await openDispute(6000);
    await sdk.Disputes.contestDispute(disputeId, eur(6000));
    await api.control("POST", `/clients/${api.clientId}/disputes/${disputeId}/status`, {
      Status: "PENDING_BANK_ACTION",
    });
    await api.control("POST", `/clients/${api.clientId}/disputes/${disputeId}/status`, {
      Status: "CLOSED",
      ResultCode: "WON",
    });
    const dispute = await sdk.Disputes.get(disputeId);
    expect(dispute).toMatchObject({ Status: "CLOSED", ResultCode: "WON" });

    const refunds = await sdk.Repudiations.getRefunds(dispute.RepudiationId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      Nature: "REFUND",
      Status: "SUCCEEDED",
      InitialTransactionId: dispute.RepudiationId,
      CreditedWalletId: "CREDIT_EUR",
      CreditedFunds: eur(6000),
    });
    expect(await sdkEventTypes(sdk, refunds[0].Id)).toEqual(["PAYOUT_REFUND_CREATED", "PAYOUT_REFUND_SUCCEEDED"]);

    const credit = await sdk.Clients.getClientWalletTransactions("CREDIT", "EUR", {
      parameters: { per_page: 100, Sort: "CreationDate:DESC" },
    });
    expect(credit.map((t) => t.Id)).toEqual(expect.arrayContaining([dispute.RepudiationId, refunds[0].Id]));
    const fees = await sdk.Clients.getClientWalletTransactions("FEES", "EUR", { parameters: { per_page: 100 } });
    expect(fees.length).toBeGreaterThan(0);
    expect(fees.map((t) => t.Id)).not.toEqual(expect.arrayContaining([refunds[0].Id]));
    expect(fees.map((t) => t.Id)).not.toEqual(expect.arrayContaining([dispute.RepudiationId]));

    const wrongType = await sdkError(sdk.Clients.getClientWalletTransactions("DEFAULT" as never, "EUR"));
    expect([wrongType?.Type, Object.keys(wrongType?.errors ?? {})]).toEqual(["param_error", ["FundsType"]]);
    expect((await sdkError(sdk.Repudiations.getRefunds("999999999")))?.Type).toBe("ressource_not_found");
  });
});

describe("SDK: dispute document consult", () => {
  it("returns one consult link per page; unknown documents are 404", async () => {
    const { disputeId } = await openDispute(3000);
    const doc = await sdk.Disputes.createDisputeDocument(disputeId, { Type: "DELIVERY_PROOF", Tag: "proof" });
    await sdk.Disputes.createDisputeDocumentPage(disputeId, doc.Id, { File: pngBase64(5000) });
    await sdk.Disputes.createDisputeDocumentPage(disputeId, doc.Id, { File: pngBase64(5000) });
    const consult = (await sdk.DisputeDocuments.createDisputeDocumentConsult(doc.Id)) as unknown as Array<{
      Url: string;
      ExpirationDate: number;
    }>;
    expect(consult).toHaveLength(2);
    for (const page of consult) {
      expect(page.Url).toMatch(/^http/);
      expect(page.ExpirationDate).toBeGreaterThan(Math.floor(Date.now() / 1000) - 60);
    }
    expect((await sdkError(sdk.DisputeDocuments.createDisputeDocumentConsult("999999999")))?.Type).toBe(
      "ressource_not_found",
    );
  });
});

describe("SDK: mandates and their transactions", () => {
  it("a direct-debit pay-in names its mandate; the mandate lists the pay-in", async () => {
    const { userId, walletId } = await userWithWallet(api);
    const account = await sdk.Users.createBankAccount(userId, {
      Type: "IBAN",
      OwnerName: "Debit Owner",
      OwnerAddress: { AddressLine1: "1 rue", City: "Paris", PostalCode: "75001", Country: "FR" },
      IBAN: "FR7630004000031234567890143",
    } as never);
    const mandate = await sdk.Mandates.create({
      BankAccountId: account.Id,
      Culture: "EN",
      ReturnURL: "https://platform.example/mandate",
    } as never);
    await fetch(String(mandate.RedirectURL), { method: "POST", redirect: "manual" });
    await api.control("POST", `/clients/${api.clientId}/mandates/${mandate.Id}/activate`);
    expect((await sdk.Mandates.get(mandate.Id)).Status).toBe("ACTIVE");
    const payIn = await sdk.PayIns.create({
      PaymentType: "DIRECT_DEBIT",
      ExecutionType: "DIRECT",
      AuthorId: userId,
      CreditedWalletId: walletId,
      DebitedFunds: eur(1200),
      Fees: eur(20),
      MandateId: mandate.Id,
    } as never);
    await api.control("POST", "/settle", { clientId: api.clientId, kind: "directdebits" });
    const read = (await sdk.PayIns.get(payIn.Id)) as unknown as { MandateId: string; Status: string };
    expect(read).toMatchObject({ Status: "SUCCEEDED", MandateId: mandate.Id });
    const transactions = await sdk.Mandates.getTransactions(read.MandateId);
    expect(transactions.map((t) => [t.Id, t.Status, t.Type])).toEqual([[payIn.Id, "SUCCEEDED", "PAYIN"]]);
    expect((await sdk.Mandates.getMandatesForUser(userId)).map((m) => m.Id)).toEqual([mandate.Id]);
    expect((await sdkError(sdk.Mandates.getTransactions("999999999")))?.Type).toBe("ressource_not_found");
  });
});

describe("SDK: Reporting Service reports", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const create = (Tag?: string) =>
    sdk.ReportsV2.create({
      DownloadFormat: "CSV",
      ReportType: "USER_WALLET_TRANSACTIONS",
      AfterDate: now() - 7 * 86_400,
      BeforeDate: now(),
      ...(Tag ? { Tag } : {}),
    } as never);

  it("PENDING → GENERATED with REPORT_GENERATED, or FAILED with REPORT_FAILED; the list filters by Status", async () => {
    const good = await create();
    expect(good.Status).toBe("PENDING");
    const generated = await poll(
      () => sdk.ReportsV2.get(good.Id),
      (r) => r.Status === "GENERATED",
    );
    expect(generated.DownloadURL).toBeTruthy();
    expect(await sdkEventTypes(sdk, good.Id)).toEqual(["REPORT_GENERATED"]);

    const bad = await create("fail");
    const failed = await poll(
      () => sdk.ReportsV2.get(bad.Id),
      (r) => r.Status === "FAILED",
    );
    expect(failed).toMatchObject({ Status: "FAILED", ResultCode: "001999" });
    expect(await sdkEventTypes(sdk, bad.Id)).toEqual(["REPORT_FAILED"]);

    const failedOnly = await sdk.ReportsV2.getAll({ parameters: { Status: "FAILED", per_page: 100 } });
    expect(failedOnly.map((r) => r.Id)).toContain(bad.Id);
    expect(failedOnly.every((r) => r.Status === "FAILED")).toBe(true);
  });

  it("refuses dates more than 12 months apart and answers 404 for an unknown report", async () => {
    const wide = await sdkError(
      sdk.ReportsV2.create({
        DownloadFormat: "CSV",
        ReportType: "COLLECTED_FEES",
        AfterDate: now() - 400 * 86_400,
        BeforeDate: now(),
      } as never),
    );
    expect(wide?.Type).toBe("param_error");
    expect((await sdkError(sdk.ReportsV2.get("report_m_00000000000000000000000000")))?.Type).toBe(
      "ressource_not_found",
    );
  });
});
