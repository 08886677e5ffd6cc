/** @jest-environment node */
import { parseSearchQuery, SEARCHABLE_TYPES } from "@/lib/services/search/id-shapes";

describe("search id shapes", () => {
  it("narrows prefixed ids to their type", () => {
    expect(parseSearchQuery("user_m_01J82SPSKW53XZM936PDVN76W0")).toEqual({
      kind: "ids",
      id: "user_m_01J82SPSKW53XZM936PDVN76W0",
      candidates: ["user"],
    });
    expect(parseSearchQuery("wlt_m_01J8")).toMatchObject({ candidates: ["wallet"] });
    expect(parseSearchQuery("po_b_123")).toMatchObject({ candidates: ["payout"] });
    expect(parseSearchQuery("xfer_refund_c_9")).toMatchObject({ candidates: ["refund"] });
    expect(parseSearchQuery("xfer_m_9")).toMatchObject({ candidates: ["transfer", "settlement"] });
    expect(parseSearchQuery("report_m_DD43658B2FFA94F02D68F5BE")).toMatchObject({ candidates: ["report"] });
  });

  it("keeps every type but bank accounts for plain digits", () => {
    const parsed = parseSearchQuery(" 100000525 ");
    expect(parsed).toMatchObject({ kind: "ids", id: "100000525" });
    if (parsed.kind === "ids") expect(parsed.candidates).toEqual(SEARCHABLE_TYPES.filter((t) => t !== "bankAccount"));
  });

  it("recognises client wallets and user/bank-account pairs", () => {
    expect(parseSearchQuery("FEES_EUR")).toEqual({ kind: "clientWallet", id: "FEES_EUR" });
    expect(parseSearchQuery("100000029/100000033")).toEqual({
      kind: "bankAccount",
      userId: "100000029",
      bankAccountId: "100000033",
    });
    expect(parseSearchQuery("100000029 100000033")).toEqual({
      kind: "bankAccount",
      userId: "100000029",
      bankAccountId: "100000033",
    });
  });

  it("refuses what cannot be an id", () => {
    expect(parseSearchQuery("")).toEqual({ kind: "invalid" });
    expect(parseSearchQuery("john@example.com")).toEqual({ kind: "invalid" });
    expect(parseSearchQuery("a".repeat(129))).toEqual({ kind: "invalid" });
    expect(parseSearchQuery("../users")).toEqual({ kind: "invalid" });
  });
});
