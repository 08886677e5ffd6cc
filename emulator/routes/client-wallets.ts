// Client wallets (docs/mangopay-api.md §3.3): FEES_{CCY} and CREDIT_{CCY}, created automatically per currency.
import { CURRENCIES } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { notFound, paramError } from "../core/errors";
import { listResult } from "../core/list";
import type { ApiRouter } from "../core/router";
import { clientWallet } from "../domain/ledger";
import type { Wallet } from "../store/types";
import { txList } from "./tx-lists";

const FUNDS_TYPES = ["FEES", "CREDIT"] as const;
const DEFAULT_CURRENCIES = ["EUR", "GBP", "USD"];

/** The client-wallet object is a wallet without Owners/Description. */
export function clientWalletView(w: Wallet) {
  return {
    Id: w.Id,
    Tag: w.Tag,
    CreationDate: w.CreationDate,
    Balance: w.Balance,
    Currency: w.Currency,
    FundsType: w.FundsType,
  };
}

function ensureDefaults(ctx: ApiContext): void {
  for (const ft of FUNDS_TYPES) for (const ccy of DEFAULT_CURRENCIES) clientWallet(ctx.store, ft, ccy, ctx.now);
}

function fundsType(raw: string): (typeof FUNDS_TYPES)[number] {
  const ft = FUNDS_TYPES.find((f) => f === raw.toUpperCase());
  if (!ft)
    throw paramError({ FundsType: `Error converting value "${raw}" to type 'FundsType'. Allowed: FEES, CREDIT.` });
  return ft;
}

function walletOf(ctx: ApiContext): Wallet {
  const ft = fundsType(ctx.params.fundsType);
  const ccy = ctx.params.currency.toUpperCase();
  if (!(CURRENCIES as readonly string[]).includes(ccy)) throw notFound("Wallet", `${ft}_${ctx.params.currency}`);
  return clientWallet(ctx.store, ft, ccy, ctx.now);
}

export function registerClientWalletRoutes(r: ApiRouter): void {
  r.get("/clients/wallets", (ctx) => {
    ensureDefaults(ctx);
    return listResult(ctx, ctx.store.clientWallets.values(), { project: clientWalletView });
  });
  r.get("/clients/wallets/:fundsType", (ctx) => {
    ensureDefaults(ctx);
    const ft = fundsType(ctx.params.fundsType);
    const all = [...ctx.store.clientWallets.values()].filter((w) => w.FundsType === ft);
    return listResult(ctx, all, { project: clientWalletView });
  });
  r.get("/clients/wallets/:fundsType/:currency", (ctx) => ok(clientWalletView(walletOf(ctx))));
  r.get("/clients/wallets/:fundsType/:currency/transactions", (ctx) => {
    const wallet = walletOf(ctx);
    // No filter is documented on client wallet transactions.
    return txList(ctx, ctx.store.idx.txByWallet.get(wallet.Id), []);
  });
}
