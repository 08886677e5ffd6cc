/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) on the SCA endpoints: Users.create with NaturalSca /
 * LegalSca, updateSca, categorize, enroll, manageConsent, getScaStatus, getNaturalSca/getLegalSca/getSca,
 * and a USER_PRESENT transfer between OWNERs. One SDK instance per file (global axios defaults).
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { sdkEventTypes, startSdkEmulator, type SdkError } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let clientId = "";

beforeAll(async () => {
  ({ emu, api, clientId } = await startSdkEmulator({ seedUsers: 20 }));
});
afterAll(async () => {
  await emu.close();
});

async function press(redirectUrl: string, outcome: "SUCCEEDED" | "FAILED" = "SUCCEEDED"): Promise<void> {
  const res = await fetch(redirectUrl, { method: "POST", body: `outcome=${outcome}`, redirect: "manual" });
  expect(res.status).toBe(200);
}

const eventTypes = (resourceId: string) => sdkEventTypes(api, resourceId);

const state: { naturalId?: string; legalId?: string } = {};

describe("SDK: SCA users", () => {
  it("Users.create (NaturalSca) → OWNER pending enrollment with PendingUserAction", async () => {
    const user = await api.Users.create({
      NaturalSca: true,
      PersonType: "NATURAL",
      FirstName: "Sdk",
      LastName: "Owner",
      Email: "sdk.owner@example.com",
      Birthday: 188352000,
      Nationality: "FR",
      CountryOfResidence: "FR",
      TermsAndConditionsAccepted: true,
      UserCategory: "OWNER",
      PhoneNumber: "+33611111111",
      PhoneNumberCountry: "FR",
      ScaContext: "USER_PRESENT",
    });
    expect(user).toMatchObject({
      PersonType: "NATURAL",
      UserStatus: "PENDING_USER_ACTION",
      PhoneNumber: "+33611111111",
    });
    expect(user.PendingUserAction.RedirectUrl).toContain(`${emu.url}/sca/${clientId}/`);
    state.naturalId = user.Id;
    await press(user.PendingUserAction.RedirectUrl);
    const status = await api.Users.getScaStatus(user.Id);
    expect(status).toMatchObject({ UserStatus: "ACTIVE", IsEnrolled: true });
    expect(await eventTypes(user.Id)).toEqual([
      "USER_ACCOUNT_VALIDATION_ASKED",
      "SCA_ENROLLMENT_SUCCEEDED",
      "USER_ACCOUNT_ACTIVATED",
    ]);
    const viewed = await api.Users.getNaturalSca(user.Id);
    expect(viewed).toMatchObject({ Id: user.Id, UserStatus: "ACTIVE", PendingUserAction: null });
    expect((await api.Users.getSca(user.Id)).Id).toBe(user.Id);
  });

  it("Users.create (LegalSca) nests the legal representative; Users.updateSca changes it", async () => {
    const user = await api.Users.create({
      LegalSca: true,
      PersonType: "LEGAL",
      Name: "Sdk SAS",
      LegalPersonType: "SOLETRADER",
      Email: "sdk.legal@example.com",
      TermsAndConditionsAccepted: false,
      UserCategory: "PAYER",
      LegalRepresentative: {
        FirstName: "Grace",
        LastName: "Hopper",
        Birthday: 188352000,
        Nationality: "US",
        CountryOfResidence: "FR",
        Email: "grace@example.com",
        PhoneNumber: "+33622222222",
        PhoneNumberCountry: "FR",
      },
    });
    expect(user.PersonType).toBe("LEGAL");
    expect(user.LegalRepresentative).toMatchObject({ FirstName: "Grace", Email: "grace@example.com" });
    expect(user.PendingUserAction).toBeNull();
    state.legalId = user.Id;
    const updated = await api.Users.updateSca({
      LegalSca: true,
      Id: user.Id,
      Name: "Sdk SAS renamed",
      TermsAndConditionsAccepted: false,
    });
    expect(updated.Name).toBe("Sdk SAS renamed");
    expect((await api.Users.getLegalSca(user.Id)).Name).toBe("Sdk SAS renamed");
  });

  it("Users.categorize (legal PAYER → OWNER) answers the enrollment link; enroll and manageConsent give new sessions", async () => {
    const id = state.legalId ?? "";
    const owner = await api.Users.categorize({
      LegalSca: true,
      Id: id,
      UserCategory: "OWNER",
      TermsAndConditionsAccepted: true,
      LegalRepresentative: {
        FirstName: "Grace",
        LastName: "Hopper",
        Email: "grace@example.com",
        Birthday: 188352000,
        Nationality: "US",
        CountryOfResidence: "FR",
      },
      HeadquartersAddress: {
        AddressLine1: "1 rue de la Paix",
        City: "Paris",
        Region: "IDF",
        PostalCode: "75002",
        Country: "FR",
      },
    });
    expect(owner).toMatchObject({ UserCategory: "OWNER", UserStatus: "PENDING_USER_ACTION" });
    expect(owner.PendingUserAction.RedirectUrl).toContain("/sca/");
    const enrollment = await api.Users.enroll(id);
    expect(enrollment.PendingUserAction.RedirectUrl).toContain("/sca/");
    await press(enrollment.PendingUserAction.RedirectUrl);
    const consent = await api.Users.manageConsent(id);
    await press(consent.PendingUserAction.RedirectUrl);
    const status = await api.Users.getScaStatus(id);
    expect(status.UserStatus).toBe("ACTIVE");
    expect(status.ConsentScope).toMatchObject({ Transfer: "GIVEN", ViewAccountInformation: "GIVEN" });
    expect(await eventTypes(id)).toEqual(
      expect.arrayContaining([
        "USER_CATEGORY_UPDATED_TO_OWNER",
        "SCA_ENROLLMENT_SUCCEEDED",
        "SCA_TRANSFER_CONSENT_GIVEN",
      ]),
    );
  });

  it("errors: enroll of a PAYER, a missing LegalRepresentative, an unknown user", async () => {
    const payer = await api.Users.create({
      NaturalSca: true,
      PersonType: "NATURAL",
      FirstName: "P",
      LastName: "Ayer",
      Email: "payer@example.com",
      TermsAndConditionsAccepted: false,
      UserCategory: "PAYER",
    });
    const refused = (await api.Users.enroll(payer.Id).catch((e: unknown) => e)) as SdkError;
    expect(refused.Type).toBe("not_allowed_for_user_category_payer");
    const missing = (await api.Users.create({
      LegalSca: true,
      Name: "X",
      LegalPersonType: "BUSINESS",
      Email: "x@example.com",
      TermsAndConditionsAccepted: false,
      UserCategory: "PAYER",
    } as unknown as Parameters<typeof api.Users.create>[0]).catch((e: unknown) => e)) as SdkError;
    expect(missing.Type).toBe("param_error");
    expect(missing.errors).toHaveProperty("LegalRepresentative");
    const unknown = (await api.Users.getScaStatus("999999999").catch((e: unknown) => e)) as SdkError;
    expect(unknown.Type).toBe("ressource_not_found");
  });

  it("Transfers.create with ScaContext USER_PRESENT between OWNERs waits for SCA, then succeeds", async () => {
    const from = state.naturalId ?? "";
    const to = state.legalId ?? "";
    const w1 = await api.Wallets.create({ Owners: [from], Currency: "EUR", Description: "from" });
    const w2 = await api.Wallets.create({ Owners: [to], Currency: "EUR", Description: "to" });
    const payin = await api.PayIns.create({
      PaymentType: "BANK_WIRE",
      ExecutionType: "DIRECT",
      AuthorId: from,
      CreditedWalletId: w1.Id,
      DeclaredDebitedFunds: { Currency: "EUR", Amount: 3000 },
      DeclaredFees: { Currency: "EUR", Amount: 0 },
    });
    await fetch(`${emu.url}/_emulator/clients/${clientId}/payins/${payin.Id}/settle`, { method: "POST" });
    const transfer = await api.Transfers.create({
      AuthorId: from,
      DebitedWalletId: w1.Id,
      CreditedWalletId: w2.Id,
      DebitedFunds: { Currency: "EUR", Amount: 1000 },
      Fees: { Currency: "EUR", Amount: 0 },
      ScaContext: "USER_PRESENT",
    });
    expect(transfer.Status).toBe("CREATED");
    expect(transfer.PendingUserAction.RedirectUrl).toContain("/sca/");
    await press(transfer.PendingUserAction.RedirectUrl);
    const done = await api.Transfers.get(transfer.Id);
    expect(done).toMatchObject({ Status: "SUCCEEDED", ResultCode: "000000" });
    expect((await api.Wallets.get(w2.Id)).Balance.Amount).toBe(1000);
  });
});
