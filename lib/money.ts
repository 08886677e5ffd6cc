// Money is an integer in minor units plus an ISO 4217 currency, as MANGOPAY sends it. These helpers
// are isomorphic (used by server components and client forms alike) and never use floats for sums.

// Currencies MANGOPAY supports that have no minor unit (JPY) or three (none supported today).
export const ZERO_DECIMAL_CURRENCIES = ["JPY", "KRW", "CLP", "ISK", "VND", "XAF", "XOF", "UGX"] as const;
const ZERO_DECIMAL = new Set<string>(ZERO_DECIMAL_CURRENCIES);

export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

export type Money = { Currency: string; Amount: number };

/** 12345 EUR → "€123.45" in the given locale. */
// One formatter per locale and currency: building one costs far more than formatting with it.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amountMinor: number, currency: string, locale = "en-GB"): string {
  const digits = minorDigits(currency);
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    if (moneyFormats.size > 200) moneyFormats.clear();
    moneyFormats.set(key, format);
  }
  return format.format(amountMinor / 10 ** digits);
}

/** An amount as a chart's axis writes it: whole amounts without their ".00" (€500, €12.50). */
export function formatMoneyTick(amountMinor: number, currency: string): string {
  return formatMoney(amountMinor, currency).replace(/\.00$/, "");
}

/**
 * Parses what a person typed ("1,234.50", "1.234,50", "12,5", "12") into minor units exactly (string
 * arithmetic, no float rounding). Ambiguous input such as "1,234" (thousands or decimals?) is refused
 * rather than guessed: with money, asking again beats moving a thousand times too much.
 */
export function parseAmountToMinor(input: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const s = input.trim().replace(/[\s\u00a0']/g, "");
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return null;
  const seps = s.match(/[.,]/g) ?? [];
  let intPart = s;
  let frac = "";
  if (seps.length > 0) {
    const last = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
    const lastSep = s[last];
    const before = s.slice(0, last);
    const after = s.slice(last + 1);
    const othersSame = seps.slice(0, -1).every((c) => c === lastSep);
    if (seps.length > 1 && othersSame) {
      // "1,234,567": thousands separators only.
      if (!/^\d{1,3}([.,]\d{3})+$/.test(s)) return null;
      intPart = s.replace(/[.,]/g, "");
    } else {
      // One decimal separator, optionally preceded by a different thousands separator.
      if (after.length === 3 && seps.length === 1) return null; // ambiguous
      if (seps.length > 1 && !/^\d{1,3}([.,]\d{3})+$/.test(before)) return null;
      intPart = before.replace(/[.,]/g, "");
      frac = after;
    }
  }
  if (frac.length > digits) return null;
  const minor = Number(intPart) * 10 ** digits + Number(frac.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * Minor units as a plain decimal in the currency's own digits, for files a spreadsheet reads:
 * 123456n EUR → "1234.56", -5n EUR → "-0.05", 1200n JPY → "1200". String arithmetic, no floats.
 */
export function minorToDecimal(amountMinor: bigint | number, currency: string): string {
  const digits = minorDigits(currency);
  const minor = BigInt(amountMinor);
  const sign = minor < 0n ? "-" : "";
  const units = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${units}` : `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/** Sums amounts per currency; never adds different currencies together. */
export function sumByCurrency(items: readonly Money[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { Currency, Amount } of items) out.set(Currency, (out.get(Currency) ?? 0) + Amount);
  return out;
}
