/** @jest-environment node */
import {
  LONE_ID_TYPES,
  PAIR_TYPES,
  parseSearchQuery,
  PREFIX_ONLY_TYPES,
  SEARCHABLE_TYPES,
} from "@/lib/services/search/id-shapes";

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

  it("narrows the newer kinds' prefixes to their type", () => {
    expect(parseSearchQuery("deposit_m_01JH3BWB8K89TDQC54FFZY6MFV")).toMatchObject({ candidates: ["deposit"] });
    expect(parseSearchQuery("deposit_wt_073099a9-4e14-42b7-9bc7-d1978f65d8ba")).toMatchObject({
      candidates: ["deposit"],
    });
    expect(parseSearchQuery("cvr_01HQ1QSE554QW3HYQ9DMVF0D5H")).toMatchObject({ candidates: ["conversion"] });
    expect(parseSearchQuery("recpayinreg_wt_c1fb7e3f-8204-4427-9251-df886fbb4e42")).toMatchObject({
      candidates: ["recurringRegistration"],
    });
    expect(parseSearchQuery("idnver_m_01J9ZZ")).toMatchObject({ candidates: ["identityVerification"] });
    expect(parseSearchQuery("rec_m_01J9ZZ")).toMatchObject({ candidates: ["recipient"] });
    // A pay-in by any method (APMs included) keeps the pay-in prefix.
    expect(parseSearchQuery("payin_m_01J9ZZ")).toMatchObject({ candidates: ["payin", "repudiation"] });
  });

  it("finds V3.0 pay-in intents and their settlements by their prefix only", () => {
    expect(parseSearchQuery("int_m_01J02ZBWA94Q3RWGHYHHD520M2")).toMatchObject({ candidates: ["payInIntent"] });
    expect(parseSearchQuery("int_0197f975-63f6-714e-8fc6-4451e128170f")).toMatchObject({
      candidates: ["payInIntent"],
    });
    expect(parseSearchQuery("stl_m_01J02ZBWACK9FJQJKZD48804K0")).toMatchObject({ candidates: ["intentSettlement"] });
    expect(LONE_ID_TYPES).not.toContain("payInIntent");
    expect(LONE_ID_TYPES).not.toContain("intentSettlement");
  });

  it("keeps every type but those read through a parent or found by prefix only for plain digits", () => {
    const parsed = parseSearchQuery(" 100000525 ");
    expect(parsed).toMatchObject({ kind: "ids", id: "100000525" });
    if (parsed.kind === "ids") {
      const notLone: readonly string[] = [...PAIR_TYPES, ...PREFIX_ONLY_TYPES];
      expect(parsed.candidates).toEqual(SEARCHABLE_TYPES.filter((t) => !notLone.includes(t)));
      expect(parsed.candidates).toEqual([...LONE_ID_TYPES]);
      expect(parsed.candidates).not.toContain("bankAccount");
      expect(parsed.candidates).not.toContain("cardValidation");
      expect(parsed.candidates).not.toContain("virtualAccount");
      expect(parsed.candidates).toEqual(
        expect.arrayContaining(["conversion", "deposit", "recurringRegistration", "identityVerification", "recipient"]),
      );
    }
  });

  it("recognises client wallets and parent/child pairs", () => {
    expect(parseSearchQuery("FEES_EUR")).toEqual({ kind: "clientWallet", id: "FEES_EUR" });
    // Plain digits: the parent may be a user (bank account), a card (validation) or a wallet (virtual account).
    expect(parseSearchQuery("100000029/100000033")).toEqual({
      kind: "pair",
      parentId: "100000029",
      id: "100000033",
      candidates: ["bankAccount", "cardValidation", "virtualAccount"],
    });
    expect(parseSearchQuery("100000029 100000033")).toEqual({
      kind: "pair",
      parentId: "100000029",
      id: "100000033",
      candidates: ["bankAccount", "cardValidation", "virtualAccount"],
    });
  });

  it("narrows a pair by the parent's or the child's prefix", () => {
    expect(parseSearchQuery("user_m_01J8/100000033")).toMatchObject({ kind: "pair", candidates: ["bankAccount"] });
    expect(parseSearchQuery("card_m_01J8/100000040")).toMatchObject({ kind: "pair", candidates: ["cardValidation"] });
    expect(parseSearchQuery("wlt_m_01J8/100000050")).toMatchObject({ kind: "pair", candidates: ["virtualAccount"] });
    expect(parseSearchQuery("100000002/wltbank_m_01J8")).toEqual({
      kind: "pair",
      parentId: "100000002",
      id: "wltbank_m_01J8",
      candidates: ["virtualAccount"],
    });
  });

  it("refuses what cannot be an id", () => {
    expect(parseSearchQuery("")).toEqual({ kind: "invalid" });
    expect(parseSearchQuery("john@example.com")).toEqual({ kind: "invalid" });
    expect(parseSearchQuery("a".repeat(129))).toEqual({ kind: "invalid" });
    expect(parseSearchQuery("../users")).toEqual({ kind: "invalid" });
  });
});
