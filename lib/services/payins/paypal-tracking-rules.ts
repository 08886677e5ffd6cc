// PayPal tracking information on a pay-in: which carriers the form offers, who may add one and when.
// Pure (no zod, no server-only): the transaction page, its client dialog and the service share it.
import { can, type PermissionHolder } from "@/lib/server/permissions";

/**
 * A shortlist of PayPal's carrier codes, as PayPal's own SDKs spell them (upper-case tokens; some country
 * versions carry the country before, others after: FR_COLISSIMO, CHRONOPOST_FR).
 * PayPal knows hundreds more: the form takes any other code typed as "Other".
 */
export const PAYPAL_CARRIERS: readonly (readonly [code: string, label: string])[] = [
  ["DHL", "DHL"],
  ["UPS", "UPS"],
  ["FEDEX", "FedEx"],
  ["USPS", "USPS"],
  ["DPD", "DPD"],
  ["TNT", "TNT"],
  ["ARAMEX", "Aramex"],
  ["FR_COLISSIMO", "Colissimo (France)"],
  ["CHRONOPOST_FR", "Chronopost (France)"],
  ["CORREOS_ES", "Correos (Spain)"],
  ["IT_POSTE_ITALIA", "Poste Italiane (Italy)"],
];

/** The select's value meaning "the code is typed in the next field". */
export const OTHER_CARRIER = "OTHER_CODE";

/** PayPal's code shape: upper-case letters, digits and `_`, starting with a letter, 2 to 64 characters. */
export const CARRIER_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** A tracking number as carriers print them: letters, digits, `-`, `_`, `.`, `/`; up to 64 characters. */
export const TRACKING_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
export const TRACKING_NUMBER_MAX = 64;

/** The label of a carrier code (the code itself when it is not in the shortlist). */
export function carrierLabel(code: string): string {
  return PAYPAL_CARRIERS.find(([c]) => c === code)?.[1] ?? code;
}

/**
 * Whether `holder` may add tracking information to this pay-in now: a SUCCEEDED PayPal pay-in credited to a
 * wallet (acquiring-only payments have no tracking at MANGOPAY), and the Pay-ins edit permission.
 */
export function canAddPayPalTracking(
  holder: PermissionHolder,
  tx: { kind: string; status: string; creditedWalletId: string | null; payIn: { paymentType: string } | null },
): boolean {
  return (
    tx.kind === "PAYIN" &&
    tx.payIn?.paymentType === "PAYPAL" &&
    tx.status === "SUCCEEDED" &&
    tx.creditedWalletId !== null &&
    can(holder, "payins.edit")
  );
}
