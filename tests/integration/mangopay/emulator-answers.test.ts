/** @jest-environment node */
// The dashboard's typed client (lib/mangopay + its zod schemas) parses the emulator's answers as they
// are — list summary views, mixed numeric/prefixed ids, integer IncomeRange, KYC flag codes, payout
// mode fields, Licensor — over the seeded data, through the real HTTP stack. Any schema mismatch
// throws a ParseError naming the path, so each call below is also a parse check.
import * as clientWallets from "@/lib/mangopay/client-wallets";
import * as disputes from "@/lib/mangopay/disputes";
import * as events from "@/lib/mangopay/events";
import * as kycDocuments from "@/lib/mangopay/kyc-documents";
import * as mandates from "@/lib/mangopay/mandates";
import * as payins from "@/lib/mangopay/payins";
import * as payouts from "@/lib/mangopay/payouts";
import * as platform from "@/lib/mangopay/platform";
import * as refunds from "@/lib/mangopay/refunds";
import * as reports from "@/lib/mangopay/reports";
import * as repudiations from "@/lib/mangopay/repudiations";
import * as transactions from "@/lib/mangopay/transactions";
import * as users from "@/lib/mangopay/users";
import * as wallets from "@/lib/mangopay/wallets";
import type { MangopayClient } from "@/lib/mangopay/client";
import { startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;
let client: MangopayClient;
beforeAll(async () => {
  emu = await startTestEmulator(3, { seedUsers: 60 });
  client = emu.client().client;
});
afterAll(async () => {
  await emu.close();
});

describe("lib/mangopay parses the emulator's answers unchanged", () => {
  it("users: the list summary, both id shapes, integer IncomeRange, regulatory status", async () => {
    const page = await users.list(client, { perPage: 100 });
    expect(page.items.length).toBeGreaterThan(30);
    expect(page.items.every((u) => !("FirstName" in u) && !("Name" in u))).toBe(true);
    const prefixed = page.items.filter((u) => u.Id.startsWith("user_m_"));
    const numeric = page.items.filter((u) => /^\d+$/.test(u.Id));
    expect(prefixed.length).toBeGreaterThan(5);
    expect(numeric.length).toBeGreaterThan(5);
    for (const item of [...prefixed.slice(0, 5), ...numeric.slice(0, 5)]) {
      const user = await users.get(client, item.Id);
      expect(user.Id).toBe(item.Id);
      if (user.PersonType === "NATURAL" && user.IncomeRange != null)
        expect([1, 2, 3, 4, 5, 6]).toContain(user.IncomeRange);
      const regulatory = await users.getRegulatory(client, item.Id);
      expect(regulatory.UserId).toBe(item.Id);
      expect(typeof regulatory.ScopeBlocked.Inflows).toBe("boolean");
    }
  });

  it("transactions: the 17-field view for every list, the detail from the pay-in/payout endpoints", async () => {
    const owners = (await users.list(client, { perPage: 100 })).items.filter((u) => u.UserCategory === "OWNER");
    let payinChecked = false;
    let payoutChecked = false;
    for (const owner of owners.slice(0, 15)) {
      const page = await transactions.listByUser(client, owner.Id, { perPage: 100 });
      for (const tx of page.items) {
        expect(tx.DepositId).toBeNull();
        expect("PaymentType" in tx || "CardInfo" in tx || "BankAccountId" in tx).toBe(false);
        if (!payinChecked && tx.Type === "PAYIN" && tx.Nature === "REGULAR") {
          const payin = await payins.get(client, tx.Id);
          expect(payin.Id).toBe(tx.Id);
          expect(["CARD", "BANK_WIRE", "DIRECT_DEBIT", "PREAUTHORIZED"]).toContain(payin.PaymentType);
          payinChecked = true;
        }
        if (!payoutChecked && tx.Type === "PAYOUT" && tx.Nature === "REGULAR") {
          const payout = await payouts.get(client, tx.Id);
          expect(payout.ModeApplied).toBeUndefined();
          const view = await payouts.getBankWire(client, tx.Id);
          expect(["STANDARD", "INSTANT_PAYMENT"]).toContain(view.ModeApplied);
          expect(view.BankAccountId).toBe(payout.BankAccountId);
          payoutChecked = true;
        }
        if (tx.Nature === "REFUND") {
          const refund = await refunds.get(client, tx.Id);
          const expected = { PAYIN: "PAYOUT", TRANSFER: "TRANSFER", PAYOUT: "PAYIN" }[
            refund.InitialTransactionType as "PAYIN"
          ];
          expect([refund.InitialTransactionType, refund.Type]).toEqual([refund.InitialTransactionType, expected]);
        }
      }
    }
    expect([payinChecked, payoutChecked]).toEqual([true, true]);
    const wallet = (await wallets.listByUser(client, owners[0].Id)).items[0];
    expect((await transactions.listByWallet(client, wallet.Id)).items.every((t) => t.DepositId === null)).toBe(true);
    const fees = await transactions.listByClientWallet(client, "FEES", "EUR", { perPage: 20 });
    expect(fees.items.length).toBeGreaterThan(0);
    expect((await clientWallets.get(client, "FEES", "EUR")).Id).toBe("FEES_EUR");
  });

  it("mandates and Reporting Service reports: summary lists, full objects by id", async () => {
    const page = await mandates.list(client, { perPage: 100 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((m) => !("BankAccountId" in m) && m.MandateType === "DIRECT_DEBIT")).toBe(true);
    const mandate = await mandates.get(client, page.items[0].Id);
    expect(mandate.BankAccountId).toMatch(/\S/);
    expect(page.items.map((m) => m.Status)).toContain("EXPIRED");

    const reportPage = await reports.listV2(client, { perPage: 100 });
    expect(reportPage.items.length).toBeGreaterThan(0);
    for (const item of reportPage.items.slice(0, 3)) {
      expect(item.LastUpdated).toBeInstanceOf(Date);
      const report = await reports.getV2(client, item.Id);
      expect(report.ReportType).toBe(item.ReportType);
    }
    const legacy = (await reports.list(client, { perPage: 5 })).items;
    for (const report of legacy) {
      const filterKeys = Object.keys(report.Filters ?? {});
      expect(filterKeys).toContain("AfterDate");
      expect(filterKeys).toContain("BeforeDate");
    }
  });

  it("client, KYC flags, disputes and repudiations, events", async () => {
    const me = await platform.get(client);
    expect([me.Licensor, me.PlatformType]).toEqual(["EU", "MARKETPLACE"]);
    const refused = (
      await kycDocuments.list(client, { perPage: 100, filters: { Status: "REFUSED", Type: "IDENTITY_PROOF" } })
    ).items;
    expect(refused.length).toBeGreaterThan(0);
    for (const doc of refused) for (const flag of doc.Flags ?? []) expect(flag).toMatch(/^\d{6}$/);
    const openDisputes = (await disputes.list(client, { perPage: 50 })).items;
    expect(openDisputes.length).toBeGreaterThan(0);
    const withRepudiation = openDisputes.find((d) => d.RepudiationId);
    const repudiation = await repudiations.get(client, withRepudiation?.RepudiationId ?? "missing");
    expect(repudiation.Nature).toBe("REPUDIATION");
    const refundsOfRepudiations = (
      await Promise.all(
        openDisputes
          .filter((d) => d.RepudiationId)
          .slice(0, 20)
          .map((d) => refunds.listByRepudiation(client, d.RepudiationId as string)),
      )
    ).flatMap((p) => p.items);
    for (const refund of refundsOfRepudiations)
      expect([refund.Type, refund.CreditedUserId]).toEqual(["PAYIN", "demo-marketplace"]);
    const blocked = await events.list(client, { perPage: 20, filters: { EventType: "USER_OUTFLOWS_BLOCKED" } });
    expect(blocked.items.length).toBeGreaterThan(0);
    expect((await users.getRegulatory(client, blocked.items[0].ResourceId)).ScopeBlocked.Outflows).toBe(true);
  });
});
