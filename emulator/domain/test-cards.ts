// Sandbox card behaviours (docs/mangopay-api.md §6 plus emulator-defined failure cards, listed in README).
import { RESULT, type ResultKey } from "./result-codes";

export type CardBehaviour = { kind: "frictionless" } | { kind: "challenge" } | { kind: "refused"; result: ResultKey };

const SPECIAL: Record<string, CardBehaviour> = {
  "4970107111111119": { kind: "frictionless" },
  "4970105181818183": { kind: "challenge" },
  "4970105111111113": { kind: "refused", result: "DO_NOT_HONOR" },
  "4970105222222221": { kind: "refused", result: "AMOUNT_LIMIT" },
  "4970105333333339": { kind: "refused", result: "CARD_LIMIT" },
  "4970105444444447": { kind: "refused", result: "TERMINAL_REFUSED" },
};

export function cardBehaviour(cardNumber: string, secureMode: string): CardBehaviour {
  const special = SPECIAL[cardNumber];
  if (special) return special;
  return secureMode === "FORCE" ? { kind: "challenge" } : { kind: "frictionless" };
}

export function resultOf(key: ResultKey): { ResultCode: string; ResultMessage: string } {
  const [code, message] = RESULT[key];
  return { ResultCode: code, ResultMessage: message };
}

export function luhnValid(pan: string): boolean {
  if (!/^\d{12,19}$/.test(pan)) return false;
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let d = Number(pan[pan.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardProvider(pan: string): string {
  if (/^3[47]/.test(pan)) return "AMEX";
  if (/^5[1-5]|^2[2-7]/.test(pan)) return "MASTERCARD";
  if (/^(50|5[6-9]|6[0-9])/.test(pan)) return "MAESTRO";
  if (/^4/.test(pan)) return "VISA";
  return "CB";
}

/** MMYY in the future (or this month). */
export function expiryValid(mmyy: string, now: Date): boolean {
  if (!/^\d{4}$/.test(mmyy)) return false;
  const month = Number(mmyy.slice(0, 2));
  const year = 2000 + Number(mmyy.slice(2));
  if (month < 1 || month > 12) return false;
  return year * 12 + month >= now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
}
