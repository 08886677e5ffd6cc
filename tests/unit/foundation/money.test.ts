/** @jest-environment node */
import { formatMoney, minorToDecimal, parseAmountToMinor, sumByCurrency } from "@/lib/money";

describe("money in minor units", () => {
  it("formats per currency, including zero-decimal ones", () => {
    expect(formatMoney(12345, "EUR")).toBe("€123.45");
    expect(formatMoney(5, "GBP")).toBe("£0.05");
    expect(formatMoney(1200, "JPY")).toBe("JP¥1,200");
    expect(formatMoney(-250, "USD")).toBe("-US$2.50");
  });

  it("writes minor units as a plain decimal in the currency's digits, exactly, for CSV files", () => {
    expect(minorToDecimal(123456n, "EUR")).toBe("1234.56");
    expect(minorToDecimal(5, "GBP")).toBe("0.05");
    expect(minorToDecimal(-5n, "EUR")).toBe("-0.05");
    expect(minorToDecimal(0n, "EUR")).toBe("0.00");
    expect(minorToDecimal(1200n, "JPY")).toBe("1200");
    expect(minorToDecimal(9_007_199_254_740_993n, "USD")).toBe("90071992547409.93");
  });

  it.each([
    ["12", "EUR", 1200],
    ["12.5", "EUR", 1250],
    ["12,50", "EUR", 1250],
    ["1,234.56", "EUR", 123456],
    ["1.234,56", "EUR", 123456],
    ["1 234,56", "EUR", 123456],
    ["0.01", "EUR", 1],
    ["1200", "JPY", 1200],
  ])("parses %s %s exactly as %d", (input, ccy, expected) => {
    expect(parseAmountToMinor(input, ccy)).toBe(expected);
  });

  it.each(["", "abc", "-5", "1.234", "1,234", "12.345", "1e3", "0x10", "12.5.6", "1,23,4.5", "5.", "12.5", "1,5"])(
    "refuses %p for a zero-decimal or an ambiguous amount",
    (input) => {
      const ccy = input === "12.5" || input === "1,5" ? "JPY" : "EUR";
      expect(parseAmountToMinor(input, ccy)).toBeNull();
    },
  );

  it("accepts thousands separators alone", () => {
    expect(parseAmountToMinor("1,234,567", "EUR")).toBe(123456700);
  });

  it("never mixes currencies in a sum", () => {
    const sums = sumByCurrency([
      { Currency: "EUR", Amount: 100 },
      { Currency: "GBP", Amount: 7 },
      { Currency: "EUR", Amount: 23 },
    ]);
    expect(Object.fromEntries(sums)).toEqual({ EUR: 123, GBP: 7 });
  });
});
