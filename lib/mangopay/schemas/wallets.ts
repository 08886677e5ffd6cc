import { z } from "zod";
import { EntityBase, Money, OptionalString, openEnum } from "./common";

export const FundsType = openEnum(["DEFAULT", "FEES", "CREDIT"]);

export const Wallet = z.looseObject({
  ...EntityBase,
  Owners: z.array(z.string()),
  Balance: Money,
  Currency: z.string(),
  FundsType,
  Description: OptionalString,
});
export type Wallet = z.output<typeof Wallet>;

/** Platform wallets (`FEES_EUR`, `CREDIT_EUR`): a wallet without owners or description. */
export const ClientWallet = z.looseObject({
  ...EntityBase,
  Balance: Money,
  Currency: z.string(),
  FundsType,
});
export type ClientWallet = z.output<typeof ClientWallet>;
