// The pure rules of "Add tracking" on a PayPal pay-in: who sees the button and when, what the form's schema
// accepts (and that its output parses again unchanged, as the service re-parses the action's input), and how
// MANGOPAY's `Trackings` is read.
import { ApmPayIn } from "@/lib/mangopay/schemas/apm-payins";
import { effectivePermissions, roleAccountPermissions, ROLES } from "@/lib/server/permissions";
import { canAddPayPalTracking, carrierLabel } from "@/lib/services/payins/paypal-tracking-rules";
import { AddPayPalTrackingInput, carrierCodeOf } from "@/lib/services/payins/schemas";
import { toPayPalTrackingsDTO } from "@/lib/services/transactions/dto";

const holder = (role: (typeof ROLES)[number]) => ({
  permissions: effectivePermissions(role, roleAccountPermissions(role)),
});
const paypal = { kind: "PAYIN", status: "SUCCEEDED", creditedWalletId: "w1", payIn: { paymentType: "PAYPAL" } };

describe("who may add tracking, and on which pay-in", () => {
  it("Owners, Admins and Operators on a succeeded PayPal pay-in credited to a wallet", () => {
    expect(ROLES.filter((r) => canAddPayPalTracking(holder(r), paypal))).toEqual(["OWNER", "ADMIN", "OPERATOR"]);
  });

  it("never on another method, another state, an acquiring-only payment or another kind", () => {
    const op = holder("OPERATOR");
    expect(canAddPayPalTracking(op, { ...paypal, payIn: { paymentType: "CARD" } })).toBe(false);
    expect(canAddPayPalTracking(op, { ...paypal, status: "CREATED" })).toBe(false);
    expect(canAddPayPalTracking(op, { ...paypal, status: "FAILED" })).toBe(false);
    expect(canAddPayPalTracking(op, { ...paypal, creditedWalletId: null })).toBe(false);
    expect(canAddPayPalTracking(op, { ...paypal, kind: "REFUND" })).toBe(false);
  });
});

describe("the form's schema", () => {
  const base = { accountId: "acc", payInId: "100000001", trackingNumber: "1Z999AA1", carrier: "UPS" };

  it("normalises the carrier to PayPal's upper-case code and reads the typed one for Other; parses again unchanged", () => {
    const picked = AddPayPalTrackingInput.parse({ ...base, carrier: "fedex", notifyBuyer: "on" });
    expect(carrierCodeOf(picked)).toBe("FEDEX");
    expect(picked.notifyBuyer).toBe(true);
    const other = AddPayPalTrackingInput.parse({ ...base, carrier: "OTHER_CODE", carrierOther: " fr_colissimo " });
    expect(carrierCodeOf(other)).toBe("FR_COLISSIMO");
    expect(other.notifyBuyer).toBe(false);
    expect(AddPayPalTrackingInput.parse(other)).toEqual(other);
    expect(AddPayPalTrackingInput.parse(picked)).toEqual(picked);
  });

  it("refuses Other without a code, a code of the wrong shape, and a number with spaces or over 64 characters", () => {
    const fields = (input: Record<string, unknown>) => {
      const r = AddPayPalTrackingInput.safeParse({ ...base, ...input });
      return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join(".")))];
    };
    expect(fields({ carrier: "OTHER_CODE" })).toEqual(["carrierOther"]);
    expect(fields({ carrier: "OTHER_CODE", carrierOther: "la poste" })).toEqual(["carrierOther"]);
    expect(fields({ carrier: "D" })).toEqual(["carrier"]);
    expect(fields({ trackingNumber: "1Z 999" })).toEqual(["trackingNumber"]);
    expect(fields({ trackingNumber: "A".repeat(65) })).toEqual(["trackingNumber"]);
    expect(fields({ trackingNumber: "A".repeat(64) })).toEqual([]);
  });

  it("labels the shortlist's codes and shows any other code as is", () => {
    expect(carrierLabel("FR_COLISSIMO")).toBe("Colissimo (France)");
    expect(carrierLabel("XX_LOCAL")).toBe("XX_LOCAL");
  });
});

describe("MANGOPAY's Trackings", () => {
  const payIn = {
    Id: "1",
    CreationDate: 1_700_000_000,
    Tag: null,
    AuthorId: "u",
    CreditedWalletId: "w",
    DebitedFunds: { Currency: "EUR", Amount: 100 },
    CreditedFunds: { Currency: "EUR", Amount: 100 },
    Fees: { Currency: "EUR", Amount: 0 },
    Status: "SUCCEEDED",
    ResultCode: "000000",
    ResultMessage: "Success",
    ExecutionDate: 1_700_000_100,
    Type: "PAYIN",
    Nature: "REGULAR",
    PaymentType: "PAYPAL",
    ExecutionType: "WEB",
  };

  it("parses a list, a lone object (as the SDK types it) and null; keeps a date if MANGOPAY ever sends one", () => {
    const one = { TrackingNumber: "A1", Carrier: "DHL", NotifyBuyer: true };
    expect(ApmPayIn.parse({ ...payIn, Trackings: [one] }).Trackings).toEqual([one]);
    expect(ApmPayIn.parse({ ...payIn, Trackings: one }).Trackings).toEqual([one]);
    expect(ApmPayIn.parse({ ...payIn, Trackings: null }).Trackings).toBeNull();
    expect(ApmPayIn.parse(payIn).Trackings).toBeNull();
    expect(toPayPalTrackingsDTO([{ ...one, CreationDate: 1_700_000_000 }, { Carrier: "UPS" }])).toEqual([
      { trackingNumber: "A1", carrier: "DHL", notifyBuyer: true, sentAt: "2023-11-14T22:13:20.000Z" },
    ]);
    expect(toPayPalTrackingsDTO(null)).toBeNull();
  });
});
