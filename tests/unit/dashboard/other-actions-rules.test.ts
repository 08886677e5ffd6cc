// The pure rules behind the non-money actions: which dispute actions a status allows, MANGOPAY's
// page rules for KYC and dispute documents, and the user/bank-account schemas' requirements.
import { MAX_PAGE_BYTES, MIN_IDENTITY_PAGE_BYTES, pageProblem, sniffPageKind } from "@/lib/document-files";
import { CreateBankAccountInput, bankAccountBody } from "@/lib/services/bank-accounts/schemas";
import { disputeActions } from "@/lib/services/disputes/allowed-actions";
import { hookUrlProblem } from "@/lib/services/hooks/schemas";
import { CreateUserInput, userBody } from "@/lib/services/users/schemas";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const inDays = (d: number) => new Date(NOW + d * 86_400_000).toISOString();

describe("dispute actions by status", () => {
  const dispute = (status: string, type = "CONTESTABLE", deadline: string | null = inDays(3)) => ({
    status,
    type,
    contestDeadline: deadline,
  });

  it("offers contest, close and documents only while the platform must act, before the deadline", () => {
    expect(disputeActions(dispute("PENDING_CLIENT_ACTION"), NOW)).toEqual({
      contest: true,
      resubmit: false,
      close: true,
      documents: true,
    });
    expect(disputeActions(dispute("PENDING_CLIENT_ACTION", "CONTESTABLE", inDays(-1)), NOW)).toEqual({
      contest: false,
      resubmit: false,
      close: true,
      documents: false,
    });
    expect(disputeActions(dispute("REOPENED_PENDING_CLIENT_ACTION"), NOW)).toMatchObject({
      contest: false,
      resubmit: true,
    });
    for (const status of ["CREATED", "SUBMITTED", "PENDING_BANK_ACTION", "CLOSED"])
      expect(Object.values(disputeActions(dispute(status), NOW)).some(Boolean)).toBe(false);
    expect(Object.values(disputeActions(dispute("PENDING_CLIENT_ACTION", "NOT_CONTESTABLE"), NOW)).some(Boolean)).toBe(
      false,
    );
  });
});

describe("document pages", () => {
  const pdf = (n: number) => new Uint8Array(Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(n)]));

  it("recognises PDF, JPEG and PNG by their first bytes, nothing else", () => {
    expect(sniffPageKind(pdf(0))).toBe("pdf");
    expect(sniffPageKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffPageKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("png");
    expect(sniffPageKind(Buffer.from("GIF89a"))).toBeNull();
  });

  it("applies MANGOPAY's size limits, with the identity-proof minimum", () => {
    expect(pageProblem(pdf(2048), false)).toBeNull();
    expect(pageProblem(pdf(2048), true)).toBe("This file is too small (at least 32 KB)");
    expect(pageProblem(pdf(MIN_IDENTITY_PAGE_BYTES), true)).toBeNull();
    expect(pageProblem(pdf(MAX_PAGE_BYTES), false)).toBe("This file is too large (at most 7 MB)");
    expect(pageProblem(Buffer.from("MZ".padEnd(4096, "x")), false)).toBe("Only PDF, JPEG or PNG files are accepted");
  });
});

describe("user schemas", () => {
  const base = { accountId: "a1", personType: "NATURAL", email: "ada@example.test", firstName: "Ada", lastName: "L" };

  it("asks an Owner for terms, identity data and an address; a Payer for names and email only", () => {
    expect(CreateUserInput.safeParse({ ...base, category: "PAYER" }).success).toBe(true);
    const owner = CreateUserInput.safeParse({ ...base, category: "OWNER" });
    expect(owner.success).toBe(false);
    expect(owner.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(
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
  });

  it("parses what it produced again unchanged (actions parse, then services parse again)", () => {
    const first = CreateUserInput.parse({ ...base, category: "PAYER", birthday: "1990-05-17", termsAccepted: "on" });
    expect(CreateUserInput.parse(first)).toEqual(first);
    expect(userBody(first)).toMatchObject({
      personType: "NATURAL",
      body: { Birthday: Date.UTC(1990, 4, 17) / 1000, TermsAndConditionsAccepted: true },
    });
  });

  it("refuses a birthday in the future and a legal user without its representative", () => {
    expect(CreateUserInput.safeParse({ ...base, category: "PAYER", birthday: "2999-01-01" }).success).toBe(false);
    const legal = CreateUserInput.safeParse({
      accountId: "a1",
      personType: "LEGAL",
      category: "PAYER",
      email: "c@example.test",
      name: "Acme",
      legalPersonType: "BUSINESS",
    });
    expect(legal.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["repFirstName", "repLastName"]);
  });
});

describe("bank account schemas", () => {
  const base = {
    accountId: "a1",
    userId: "u1",
    ownerName: "Ada",
    line1: "1 rue",
    city: "Paris",
    postalCode: "75002",
    country: "FR",
  };

  it("builds each type's body and names each missing field", () => {
    const iban = CreateBankAccountInput.parse({ ...base, type: "IBAN", iban: "fr76 3000 4000 0312 3456 7890 143" });
    expect(bankAccountBody(iban)).toMatchObject({ Type: "IBAN", IBAN: "FR7630004000031234567890143" });
    const ca = CreateBankAccountInput.safeParse({ ...base, type: "CA", accountNumber: "1234567" });
    expect(ca.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "bankName",
      "branchCode",
      "institutionNumber",
    ]);
    const other = CreateBankAccountInput.safeParse({ ...base, type: "OTHER", accountNumber: "AB12", bic: "BNPAFRPP" });
    expect(other.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["accountNumber", "bankCountry"]);
  });
});

describe("hook URLs", () => {
  it("allow http only outside production", () => {
    expect(hookUrlProblem("http://hooks.test/x", "SANDBOX")).toBeNull();
    expect(hookUrlProblem("http://hooks.test/x", "PRODUCTION")).toBe("A production account's hooks must use https");
    expect(hookUrlProblem("https://hooks.test/x", "PRODUCTION")).toBeNull();
  });
});
