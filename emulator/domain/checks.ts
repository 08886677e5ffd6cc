// Business checks shared by money flows, with the error Types MANGOPAY documents (§2.5).
import { ApiError, paramError } from "../core/errors";
import type { Money, Wallet } from "../store/types";

export function assertCurrency(wallet: Wallet, ...amounts: Money[]): void {
  for (const m of amounts) {
    if (m.Currency !== wallet.Currency) {
      throw new ApiError(
        400,
        "currency_incompatibility",
        `The currency ${m.Currency} does not match the wallet currency ${wallet.Currency}`,
      );
    }
  }
}

export function assertFeesWithinFunds(debited: Money, fees: Money): void {
  if (fees.Currency !== debited.Currency) {
    throw new ApiError(400, "currency_incompatibility", "DebitedFunds and Fees must have the same currency");
  }
  if (fees.Amount > debited.Amount)
    throw paramError({ Fees: "The Fees amount cannot be higher than the DebitedFunds amount." });
}

export function assertOwner(wallet: Wallet, userId: string, type: string, message: string): void {
  if (!wallet.Owners.includes(userId)) throw new ApiError(400, type, message);
}
