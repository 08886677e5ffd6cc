/** @jest-environment node */
// The typed client against the emulator's SCA: SCA users parse with the user schemas, the hosted
// session changes the SCA status, and SCA refusals become ScaRequiredError (401 pending action with its
// RedirectUrl, 403 missing consent) — over the real HTTP stack.
import { ScaRequiredError } from "@/lib/mangopay/errors";
import * as payins from "@/lib/mangopay/payins";
import * as scaUsers from "@/lib/mangopay/sca-users";
import * as transactions from "@/lib/mangopay/transactions";
import * as transfers from "@/lib/mangopay/transfers";
import * as users from "@/lib/mangopay/users";
import * as wallets from "@/lib/mangopay/wallets";
import type { MangopayClient } from "@/lib/mangopay/client";
import { startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;
let client: MangopayClient;
beforeAll(async () => {
  emu = await startTestEmulator(4, { seedUsers: 20, delays: { payoutMs: null, directDebitMs: null, mandateMs: null } });
  client = emu.client().client;
});
afterAll(async () => {
  await emu.close();
});

let keys = 0;
const key = () => `sca-answers-key-${Date.now()}-${++keys}`.slice(0, 36);

/** Presses "Authenticate" (or "Fail") on the emulator's hosted page, as the user's browser would. */
async function authenticate(
  redirectUrl: string,
  outcome: "SUCCEEDED" | "FAILED" = "SUCCEEDED",
): Promise<string | null> {
  const back = scaUsers.withReturnUrl(redirectUrl, "https://platform.example/sca-done");
  expect((await fetch(back)).status).toBe(200);
  const res = await fetch(back, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `outcome=${outcome}`,
    redirect: "manual",
  });
  return res.headers.get("location");
}

async function owner(email: string) {
  const user = await scaUsers.createNatural(client, {
    FirstName: "Sca",
    LastName: "Owner",
    Email: email,
    Birthday: 188352000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "OWNER",
    PhoneNumber: "+33612345678",
    PhoneNumberCountry: "FR",
    ScaContext: "USER_PRESENT",
  });
  const wallet = await wallets.create(client, { Owners: [user.Id], Currency: "EUR", Description: "SCA wallet" });
  return { user, wallet };
}

describe("lib/mangopay and the emulator's SCA", () => {
  it("an OWNER created through /sca/users enrols on the hosted page; its SCA status follows", async () => {
    const { user } = await owner("enrol@example.com");
    expect(user.UserStatus).toBe("PENDING_USER_ACTION");
    expect(user.PersonType === "NATURAL" && user.PhoneNumber).toBe("+33612345678");
    const redirectUrl = user.PendingUserAction?.RedirectUrl ?? "";
    expect(redirectUrl).toContain(`${emu.url}/sca/`);
    const before = await scaUsers.getScaStatus(client, user.Id);
    expect(before).toMatchObject({ UserStatus: "PENDING_USER_ACTION", IsEnrolled: false, LastEnrollmentDate: null });

    expect(await authenticate(redirectUrl)).toBe("https://platform.example/sca-done");
    const after = await scaUsers.getScaStatus(client, user.Id);
    expect(after.UserStatus).toBe("ACTIVE");
    expect(after.IsEnrolled).toBe(true);
    expect(after.LastEnrollmentDate).toBeInstanceOf(Date);
    expect((await users.get(client, user.Id)).UserStatus).toBe("ACTIVE");
    const enrollment = await scaUsers.enroll(client, user.Id);
    expect(enrollment.PendingUserAction.RedirectUrl).toContain("/sca/");
  });

  it("categorizes a PAYER to OWNER (legal, nested representative) with an enrollment link", async () => {
    const payer = await scaUsers.createLegal(client, {
      Name: "Payer SAS",
      LegalPersonType: "SOLETRADER",
      Email: "payer@example.com",
      TermsAndConditionsAccepted: false,
      UserCategory: "PAYER",
      LegalRepresentative: { FirstName: "Lin", LastName: "Payer" },
    });
    expect(payer.PendingUserAction ?? null).toBeNull();
    const categorized = await scaUsers.categorize(client, payer.Id, "LEGAL", {
      UserCategory: "OWNER",
      TermsAndConditionsAccepted: true,
      LegalRepresentative: {
        Email: "lin@example.com",
        Birthday: 188352000,
        Nationality: "FR",
        CountryOfResidence: "FR",
      },
    });
    expect(categorized.UserCategory).toBe("OWNER");
    expect(categorized.UserStatus).toBe("PENDING_USER_ACTION");
    expect(categorized.PersonType === "LEGAL" && categorized.LegalRepresentative?.Email).toBe("lin@example.com");
    expect(categorized.PendingUserAction?.RedirectUrl).toContain("/sca/");
  });

  it("a USER_PRESENT wallet read of an OWNER without recent SCA throws ScaRequiredError with the RedirectUrl", async () => {
    const { user, wallet } = await owner("read@example.com");
    const error = await wallets.get(client, wallet.Id, { scaContext: "USER_PRESENT" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScaRequiredError);
    const sca = error as ScaRequiredError;
    expect(sca.reason).toBe("pending_user_action");
    expect(sca.status).toBe(401);
    expect(sca.redirectUrl).toContain(`${emu.url}/sca/`);
    await authenticate(sca.redirectUrl ?? "");
    expect((await wallets.get(client, wallet.Id, { scaContext: "USER_PRESENT" })).Id).toBe(wallet.Id);
    // The dashboard's default (USER_NOT_PRESENT) reads as long as the view consent stands.
    expect((await transactions.listByUser(client, user.Id)).items).toEqual([]);
    await emu.control("POST", `/clients/demo-marketplace/users/${user.Id}/sca-consent`, {
      Scope: "ViewAccountInformation",
      Value: "REVOKED",
    });
    const refused = await transactions.listByUser(client, user.Id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ScaRequiredError);
    expect((refused as ScaRequiredError).reason).toBe("consent_required");
    expect((refused as ScaRequiredError).status).toBe(403);
  });

  it("a USER_PRESENT transfer between OWNERs parses CREATED with its pending action, then succeeds", async () => {
    const from = await owner("from@example.com");
    const to = await owner("to@example.com");
    await authenticate(from.user.PendingUserAction?.RedirectUrl ?? "");
    await authenticate(to.user.PendingUserAction?.RedirectUrl ?? "");
    const payin = await payins.createBankWireDirect(
      client,
      {
        AuthorId: from.user.Id,
        CreditedWalletId: from.wallet.Id,
        DeclaredDebitedFunds: { Currency: "EUR", Amount: 5000 },
        DeclaredFees: { Currency: "EUR", Amount: 0 },
      },
      { idempotencyKey: key() },
    );
    await emu.control("POST", `/clients/demo-marketplace/payins/${payin.Id}/settle`, {});
    const transfer = await transfers.create(
      client,
      {
        AuthorId: from.user.Id,
        DebitedWalletId: from.wallet.Id,
        CreditedWalletId: to.wallet.Id,
        DebitedFunds: { Currency: "EUR", Amount: 1200 },
        Fees: { Currency: "EUR", Amount: 0 },
        ScaContext: "USER_PRESENT",
      },
      { idempotencyKey: key() },
    );
    expect(transfer.Status).toBe("CREATED");
    await authenticate(transfer.PendingUserAction?.RedirectUrl ?? "");
    const done = await transfers.get(client, transfer.Id);
    expect(done.Status).toBe("SUCCEEDED");
    expect((await wallets.get(client, to.wallet.Id, { scaContext: null })).Balance.Amount).toBe(1200);
  });
});
