// GET /users/{id}/emoney/{Year}/{Month?}?Currency= (docs/mangopay-api.md §3.2): money credited to and debited
// from the user's wallets in that UTC period, from SUCCEEDED transactions in the asked currency
// (default EUR; no FX conversion is modelled).
import type { ApiContext } from "../core/context";
import { paramError } from "../core/errors";
import { getUser } from "../domain/lookups";

export function emoney(ctx: ApiContext) {
  const user = getUser(ctx.store, ctx.params.userId);
  const year = Number(ctx.params.year);
  const month = ctx.params.month === undefined ? null : Number(ctx.params.month);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw paramError({ Year: `The value '${ctx.params.year}' is not valid for Year.` });
  if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12))
    throw paramError({ Month: `The value '${ctx.params.month}' is not valid for Month.` });
  const currency = (ctx.query.get("Currency") ?? "EUR").toUpperCase();
  const from = Date.UTC(year, month === null ? 0 : month - 1, 1) / 1000;
  const to = (month === null ? Date.UTC(year + 1, 0, 1) : Date.UTC(year, month, 1)) / 1000;
  const own = new Set(ctx.store.idx.walletsByUser.get(user.Id));
  let credited = 0;
  let debited = 0;
  for (const id of ctx.store.idx.txByUser.get(user.Id)) {
    const tx = ctx.store.transactions.get(id);
    if (!tx || tx.Status !== "SUCCEEDED" || tx.CreationDate < from || tx.CreationDate >= to) continue;
    if (tx.CreditedWalletId && own.has(tx.CreditedWalletId) && tx.CreditedFunds.Currency === currency)
      credited += tx.CreditedFunds.Amount;
    if (tx.DebitedWalletId && own.has(tx.DebitedWalletId) && tx.DebitedFunds.Currency === currency)
      debited += tx.DebitedFunds.Amount;
  }
  return {
    UserId: user.Id,
    CreditedEMoney: { Currency: currency, Amount: credited },
    DebitedEMoney: { Currency: currency, Amount: debited },
  };
}
