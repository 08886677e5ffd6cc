/** @jest-environment node */
import { csvRecord, rawMoney, rawText } from "@/lib/services/exports/csv";

describe("CSV records of the mirror exports", () => {
  it("writes dates as ISO, minor units as integers, null as empty, and neutralises formulas", () => {
    expect(csvRecord([new Date("2026-03-02T10:00:00Z"), 12_345n, 7, null, "=cmd", "+1", "-2", "@x", "ok"])).toEqual([
      "2026-03-02T10:00:00.000Z",
      "12345",
      "7",
      "",
      "'=cmd",
      "'+1",
      "'-2",
      "'@x",
      "ok",
    ]);
  });

  it("reads a text field of MANGOPAY's JSON, nested or not, and nothing else", () => {
    const raw = {
      RefusedReasonMessage: "Blurred",
      DisputeReason: { DisputeReasonType: "DUPLICATE" },
      Amount: 5,
      Empty: "",
    };
    expect(rawText(raw, "RefusedReasonMessage")).toBe("Blurred");
    expect(rawText(raw, "DisputeReason", "DisputeReasonType")).toBe("DUPLICATE");
    expect(rawText(raw, "Amount")).toBeNull();
    expect(rawText(raw, "Empty")).toBeNull();
    expect(rawText(raw, "Missing", "Deeper")).toBeNull();
    expect(rawText(null, "Anything")).toBeNull();
    expect(rawText([], "0")).toBeNull();
  });

  it("reads an { Amount, Currency } only when the amount is a whole number of minor units", () => {
    expect(rawMoney({ ContestedFunds: { Amount: 5000, Currency: "EUR" } }, "ContestedFunds")).toEqual({
      amountMinor: 5000n,
      currency: "EUR",
    });
    for (const funds of [
      null,
      "5000",
      { Amount: "5000", Currency: "EUR" },
      { Amount: 50.5, Currency: "EUR" },
      { Amount: 5 },
    ])
      expect(rawMoney({ ContestedFunds: funds }, "ContestedFunds")).toBeNull();
    expect(rawMoney({}, "ContestedFunds")).toBeNull();
  });
});
