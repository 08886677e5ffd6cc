// Generators of valid-looking identifiers for demo data (IBANs pass mod-97, PANs pass Luhn).
import type { Random } from "../core/random";

export function luhnComplete(prefix: string): string {
  for (let d = 0; d <= 9; d++) {
    const pan = prefix + String(d);
    let sum = 0;
    for (let i = 0; i < pan.length; i++) {
      let v = Number(pan[pan.length - 1 - i]);
      if (i % 2 === 1) {
        v *= 2;
        if (v > 9) v -= 9;
      }
      sum += v;
    }
    if (sum % 10 === 0) return pan;
  }
  return prefix + "0";
}

/** A card number that behaves as a plain successful card (not one of the special test cards). */
export function demoPan(rnd: Random): string {
  const prefix = rnd.chance(0.6) ? "4970101" : "5130101";
  return luhnComplete(prefix + rnd.digits(8));
}

const BBAN_LENGTH: Record<string, number> = { FR: 23, DE: 18, IT: 23, ES: 20, NL: 14, PT: 21, PL: 24, GB: 18 };

export function demoIban(rnd: Random, country: string): string {
  const c = BBAN_LENGTH[country] ? country : "FR";
  const bban = c === "NL" ? `ABNA${rnd.digits(10)}` : rnd.digits(BBAN_LENGTH[c]);
  const numeric = (bban + c + "00").replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of numeric) rem = (rem * 10 + Number(d)) % 97;
  return `${c}${String(98 - rem).padStart(2, "0")}${bban}`;
}

export function demoBic(rnd: Random, country: string): string {
  return `${rnd.pick(["BNPA", "SOGE", "DEUT", "COBA", "UNCR", "BBVA", "INGB", "ABNA", "BARC", "HSBC"])}${country}${rnd.pick(["PP", "2X", "MM", "FF"])}`;
}

export function slug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[^\w]+/g, "")
    .toLowerCase();
}
