// Wallets (docs/mangopay-api.md §3.3): create (one owner), view, update Description/Tag, per-user lists, transactions.
import { BodyReader, CURRENCIES } from "../core/body";
import { ok } from "../core/context";
import { notFound, paramError } from "../core/errors";
import { listResult, resolveIds } from "../core/list";
import type { ApiRouter } from "../core/router";
import { getUser } from "../domain/lookups";
import { walletAccessBlock } from "../domain/sca";
import type { ApiContext } from "../core/context";
import type { Wallet } from "../store/types";
import { txList } from "./tx-lists";

function userWallet(store: Parameters<typeof getUser>[0], id: string): Wallet {
  const wallet = store.wallets.get(id);
  if (!wallet) throw notFound("Wallet", id);
  return wallet;
}

/** The four account-access reads answer 401/403 for an OWNER per ScaContext (domain/sca.ts). */
function scaBlock(ctx: ApiContext, ownerId: string | undefined) {
  const context = ctx.query.get("ScaContext");
  if (context === undefined || ownerId === undefined) return null;
  return walletAccessBlock(ctx.store, ctx.store.users.get(ownerId), context, ctx.origin, ctx.now);
}

export function registerWalletRoutes(r: ApiRouter): void {
  r.post("/wallets", (ctx) => {
    const b = new BodyReader(ctx.body);
    const owners = ctx.body.Owners;
    if (!Array.isArray(owners) || owners.length !== 1 || typeof owners[0] !== "string") {
      b.fail("Owners", "The Owners field is required and must contain exactly one user Id.");
    }
    const currency = b.enumOf("Currency", CURRENCIES, { required: true });
    const description = b.string("Description", { required: true });
    const tag = b.tag();
    b.done();
    const owner = getUser(ctx.store, String((owners as string[])[0]));
    if (owner.UserStatus === "CLOSED") throw paramError({ Owners: "The user is closed." });
    const wallet: Wallet = {
      Id: ctx.store.nextId(),
      Tag: tag,
      CreationDate: ctx.now,
      Owners: [owner.Id],
      Balance: { Currency: currency as string, Amount: 0 },
      Currency: currency as string,
      FundsType: "DEFAULT",
      Description: description as string,
    };
    ctx.store.addWallet(wallet);
    return ok(wallet);
  });
  r.get("/wallets/:walletId", (ctx) => {
    const wallet = userWallet(ctx.store, ctx.params.walletId);
    return scaBlock(ctx, wallet.Owners[0]) ?? ok(wallet);
  });
  r.put("/wallets/:walletId", (ctx) => {
    const wallet = userWallet(ctx.store, ctx.params.walletId);
    const b = new BodyReader(ctx.body);
    const description = b.string("Description");
    const tag = b.tag();
    b.done();
    if (b.has("Description") && description !== null) wallet.Description = description;
    if (b.has("Tag")) wallet.Tag = tag;
    return ok(wallet);
  });
  r.get("/users/:userId/wallets", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    const blocked = scaBlock(ctx, ctx.params.userId);
    if (blocked) return blocked;
    return listResult(ctx, resolveIds(ctx.store.idx.walletsByUser.get(ctx.params.userId), ctx.store.wallets));
  });
  r.get("/wallets/:walletId/transactions", (ctx) => {
    const wallet = userWallet(ctx.store, ctx.params.walletId);
    const blocked = scaBlock(ctx, wallet.Owners[0]);
    if (blocked) return blocked;
    return txList(ctx, ctx.store.idx.txByWallet.get(ctx.params.walletId));
  });
  r.get("/users/:userId/transactions", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    const blocked = scaBlock(ctx, ctx.params.userId);
    if (blocked) return blocked;
    return txList(ctx, ctx.store.idx.txByUser.get(ctx.params.userId));
  });
}
