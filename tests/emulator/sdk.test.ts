/**
 * The official SDK (mangopay4-nodejs-sdk 1.68.0) against the emulator: real flows, no mocks.
 * One SDK instance per file: the SDK keeps its config in global axios defaults.
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import type { RunningEmulator } from "@/emulator/server";
import { startSdkEmulator, type SdkError } from "./sdk-setup";

let emu: RunningEmulator;
let api: Mangopay;
let clientId = "";

beforeAll(async () => {
  ({ emu, api, clientId } = await startSdkEmulator());
});
afterAll(async () => {
  await emu.close();
});

const eur = (Amount: number) => ({ Currency: "EUR" as const, Amount });
const address = {
  AddressLine1: "4101 Reservoir Rd NW",
  AddressLine2: "",
  City: "Washington",
  Region: "District of Columbia",
  PostalCode: "20007",
  Country: "US" as const,
};
const browserInfo = {
  AcceptHeader: "text/html, application/xhtml+xml, application/xml;q=0.9, /;q=0.8",
  JavaEnabled: true,
  Language: "FR-FR",
  ColorDepth: 4,
  ScreenHeight: 1800,
  ScreenWidth: 400,
  TimeZoneOffset: "60",
  UserAgent: "Mozilla/5.0",
  JavascriptEnabled: true,
};

const state: {
  naturalId?: string;
  legalId?: string;
  walletId?: string;
  wallet2Id?: string;
  cardId?: string;
  payInId?: string;
} = {};

function need(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} missing: an earlier step failed`);
  return value;
}

async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (err) {
    return err as SdkError;
  }
  throw new Error("expected the SDK call to reject");
}

describe("official SDK against the emulator", () => {
  it("gets a token, distinct on each call", async () => {
    const first = (await api.authorize()) as { access_token: string; expires_in: number };
    const second = (await api.authorize()) as { access_token: string };
    expect(first.access_token).not.toBe(second.access_token);
    expect(first.expires_in).toBe(1200);
  });

  it("creates natural and legal users", async () => {
    const natural = await api.Users.create({
      PersonType: "NATURAL",
      FirstName: "John NodejsSDK",
      LastName: "Doe NodejsSDK",
      Email: "john.doe@sample.org",
      Address: address,
      Birthday: 188301600,
      Nationality: "FR",
      CountryOfResidence: "FR",
      Occupation: "programmer",
      IncomeRange: 3,
      TermsAndConditionsAccepted: true,
      UserCategory: "OWNER",
    });
    expect(natural.Id).toBeTruthy();
    expect(natural.PersonType).toBe("NATURAL");
    state.naturalId = natural.Id;
    const legal = await api.Users.create({
      PersonType: "LEGAL",
      Name: "MangoPay",
      Email: "info@mangopay.com",
      LegalPersonType: "BUSINESS",
      LegalRepresentativeFirstName: "Mango",
      LegalRepresentativeLastName: "Pay",
      LegalRepresentativeEmail: "mango@mangopay.com",
      HeadquartersAddress: address,
      LegalRepresentativeAddress: address,
      LegalRepresentativeBirthday: 1300186358,
      LegalRepresentativeNationality: "FR",
      LegalRepresentativeCountryOfResidence: "FR",
      CompanyNumber: "LU12345678",
      TermsAndConditionsAccepted: true,
      UserCategory: "OWNER",
    });
    expect(legal.PersonType).toBe("LEGAL");
    state.legalId = legal.Id;
    const fetched = await api.Users.get(natural.Id);
    expect(fetched.Email).toBe("john.doe@sample.org");
  });

  it("creates wallets", async () => {
    const wallet = await api.Wallets.create({
      Owners: [need(state.naturalId, "natural")],
      Currency: "EUR",
      Description: "WALLET IN EUR",
    });
    expect(wallet.Balance).toEqual(eur(0));
    state.walletId = wallet.Id;
    const wallet2 = await api.Wallets.create({
      Owners: [need(state.legalId, "legal")],
      Currency: "EUR",
      Description: "LEGAL WALLET",
    });
    state.wallet2Id = wallet2.Id;
  });

  it("registers a card through the tokenizer URL and pays in with it", async () => {
    const reg = await api.CardRegistrations.create({
      UserId: need(state.naturalId, "natural"),
      Currency: "EUR",
      CardType: "CB_VISA_MASTERCARD",
    });
    expect(reg.Status).toBe("CREATED");
    // Exactly what the SDK's own test helper does: POST the card to CardRegistrationURL via api.method.
    // "post" is a manual request the SDK supports at runtime but its ApiMethod typing omits.
    const manualPost = "post" as unknown as Parameters<typeof api.method>[0];
    const manualOptions = {
      url: reg.CardRegistrationURL,
      data: {
        data: reg.PreregistrationData,
        accessKeyRef: reg.AccessKey,
        cardNumber: "4970107111111119",
        cardExpirationDate: "1229",
        cardCvx: "123",
      },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    } as unknown as Parameters<typeof api.method>[2];
    const tokenized = await api.method(manualPost, () => undefined, manualOptions);
    const updated = await api.CardRegistrations.update({
      Id: reg.Id,
      RegistrationData: Buffer.from(String(tokenized)).toString(),
    });
    expect(updated.Status).toBe("VALIDATED");
    state.cardId = need(updated.CardId ?? undefined, "card");
    const card = await api.Cards.get(state.cardId);
    expect(card.Alias).toBe("497010XXXXXX1119");

    const payInInput: Mangopay.payIn.CreateCardDirectPayIn = {
      PaymentType: "CARD",
      ExecutionType: "DIRECT",
      AuthorId: need(state.naturalId, "natural"),
      CreditedWalletId: need(state.walletId, "wallet"),
      DebitedFunds: eur(10_000),
      Fees: eur(500),
      CardId: state.cardId,
      SecureModeReturnURL: "http://test.com",
      BrowserInfo: browserInfo,
      IpAddress: "2001:0620:0000:0000:0211:24FF:FE80:C12C",
    };
    const payIn = await api.PayIns.create(payInInput);
    expect(payIn.Status).toBe("SUCCEEDED");
    state.payInId = payIn.Id;
    expect((await api.Wallets.get(need(state.walletId, "wallet"))).Balance.Amount).toBe(9500);
  });

  it("transfers, pays out and refunds", async () => {
    const transfer = await api.Transfers.create({
      AuthorId: need(state.naturalId, "natural"),
      DebitedWalletId: need(state.walletId, "wallet"),
      CreditedWalletId: need(state.wallet2Id, "wallet2"),
      DebitedFunds: eur(2000),
      Fees: eur(100),
    });
    expect(transfer.Status).toBe("SUCCEEDED");

    const account = await api.Users.createBankAccount(need(state.legalId, "legal"), {
      Type: "IBAN",
      OwnerName: "MangoPay",
      OwnerAddress: address,
      IBAN: "FR7630004000031234567890143",
      BIC: "BNPAFRPP",
    });
    expect(account.Type).toBe("IBAN");
    const payout = await api.PayOuts.create({
      PaymentType: "BANK_WIRE",
      AuthorId: need(state.legalId, "legal"),
      DebitedWalletId: need(state.wallet2Id, "wallet2"),
      DebitedFunds: eur(1000),
      Fees: eur(0),
      BankAccountId: account.Id,
      BankWireRef: "SDK",
    });
    expect(payout.Status).toBe("CREATED");
    await fetch(`${emu.url}/_emulator/clients/${clientId}/payouts/${payout.Id}/succeed`, { method: "POST" });
    expect((await api.PayOuts.get(payout.Id)).Status).toBe("SUCCEEDED");

    const refund = await api.PayIns.createRefund(need(state.payInId, "payIn"), {
      AuthorId: need(state.naturalId, "natural"),
      DebitedFunds: eur(1000),
      Fees: eur(-50),
    });
    expect(refund.Status).toBe("SUCCEEDED");
    expect(refund.Nature).toBe("REFUND");
    // 900 left on the credited wallet after the payout: a full refund (1,900) fails 001001, a partial one succeeds.
    const tooBig = await api.Transfers.createRefund(transfer.Id, { AuthorId: need(state.naturalId, "natural") });
    expect(tooBig.Status).toBe("FAILED");
    expect(tooBig.ResultCode).toBe("001001");
    const transferRefund = await api.Transfers.createRefund(transfer.Id, {
      AuthorId: need(state.naturalId, "natural"),
      DebitedFunds: eur(500),
      Fees: eur(-25),
    });
    expect(transferRefund.Status).toBe("SUCCEEDED");
  });

  it("lists events and pages with full responses", async () => {
    const events = await api.Events.getAll({
      parameters: { EventType: "PAYIN_NORMAL_SUCCEEDED", Sort: "Date:DESC", per_page: 5 },
    });
    expect(events.length).toBe(5);
    expect(events.some((e) => e.ResourceId === state.payInId)).toBe(true);
    const full = await api.Users.getAll({ parameters: { per_page: 2, page: 1 }, resolveWithFullResponse: true });
    expect(Number(full.headers["x-number-of-pages"])).toBeGreaterThan(1);
  });

  it("sends an Idempotency-Key, gets 409 on reuse and reads the stored response", async () => {
    const key = `sdk-${Date.now()}-idempotency`;
    // The typings declare withIdempotency as returning a promise; at runtime it returns the options.
    const withKey = () => api.OptionsHelper.withIdempotency({}, key) as unknown as { headers: Record<string, string> };
    const options = withKey();
    const payer: Mangopay.user.CreateUserNaturalData = {
      PersonType: "NATURAL",
      FirstName: "Idem",
      LastName: "Potent",
      Email: "i@p.example",
      UserCategory: "PAYER",
      Birthday: 188301600,
      Nationality: "FR",
      CountryOfResidence: "FR",
    };
    const user = await api.Users.create(payer, options);
    const again = await rejection(api.Users.create({ ...payer }, withKey()));
    expect(again.Type).toBe("idempotent_creation_conflict");
    const stored = await api.Idempotency.get(key);
    expect(stored.StatusCode).toBe("200");
    expect((stored.Resource as { Id: string }).Id).toBe(user.Id);
  });

  it("parses the rate-limit headers into api.rateLimits", async () => {
    await api.Users.get(need(state.naturalId, "natural"));
    expect(api.rateLimits).toHaveLength(4);
    expect(api.rateLimits.map((r) => r.minutesInterval)).toEqual([15, 30, 60, 1440]);
    for (const r of api.rateLimits) {
      expect(r.callsMade).toBeGreaterThan(0);
      expect(r.callsRemaining).toBeGreaterThan(0);
    }
  });

  it("rejects with MANGOPAY error objects", async () => {
    const missing = await rejection(api.Users.get("12345678999"));
    expect(missing.Type).toBe("ressource_not_found");
    const invalid = await rejection(
      api.Wallets.create({ Owners: [need(state.naturalId, "natural")], Currency: "EUR", Description: "" }),
    );
    expect(invalid.Type).toBe("param_error");
    expect(invalid.errors?.Description).toBeDefined();
  });
});
