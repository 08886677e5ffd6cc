import { BankAccount } from "@/lib/mangopay/schemas/bank-accounts";
import { Card } from "@/lib/mangopay/schemas/cards";
import { MandateListItem } from "@/lib/mangopay/schemas/mandates";
import { PayIn, Transaction } from "@/lib/mangopay/schemas/transactions";
import { bankAccountRow, cardRow, mandateRow, transactionRow } from "@/lib/services/mirror/rows";

// Mirror rows keep only what search needs in columns: the last 4 of an IBAN, a card alias and its
// last digits, a bank wire's reference; a list row (fewer fields) leaves the rest null.

const scope = { hubId: "hub", apiAccountId: "acc" };
const at = new Date("2026-11-30T06:00:00Z");
const base = { Id: "1", Tag: null, CreationDate: 1_764_000_000 };

describe("mirror rows", () => {
  it("stores an IBAN's last 4 characters only, spaces ignored, upper-case", () => {
    const b = BankAccount.parse({
      ...base,
      UserId: "u1",
      Type: "IBAN",
      OwnerName: "Ada",
      Active: true,
      IBAN: "fr76 3000 4000 0312 3456 7890 14a",
    });
    const row = bankAccountRow(scope, b, at);
    expect(row.accountTail).toBe("014A");
    expect(Object.values(row)).not.toContain("FR7630004000031234567890143");
  });

  it("stores a card's alias upper-case with its last 4 digits", () => {
    const c = Card.parse({
      ...base,
      UserId: "u1",
      Alias: "497010xxxxxx1119",
      Active: true,
      Currency: "EUR",
      Validity: "VALID",
    });
    expect(cardRow(scope, c, at)).toMatchObject({ alias: "497010XXXXXX1119", aliasTail: "1119" });
  });

  it("takes a bank wire's reference from a full read; a list row has none", () => {
    const common = {
      ...base,
      AuthorId: "u1",
      DebitedFunds: { Currency: "EUR", Amount: 0 },
      Status: "CREATED",
      Type: "PAYIN",
      Nature: "REGULAR",
    };
    const wire = PayIn.parse({ ...common, PaymentType: "BANK_WIRE", WireReference: "8353290955" });
    expect(transactionRow(scope, wire, at)).toMatchObject({ paymentType: "BANK_WIRE", wireReference: "8353290955" });
    const listed = Transaction.parse(common);
    expect(transactionRow(scope, listed, at)).toMatchObject({ paymentType: null, wireReference: null });
  });

  it("leaves a listed mandate's bank account, scheme and reference null", () => {
    const m = MandateListItem.parse({ ...base, UserId: "u1", Status: "CREATED" });
    expect(mandateRow(scope, m, at)).toMatchObject({ bankAccountId: null, scheme: null, bankReference: null });
  });
});
