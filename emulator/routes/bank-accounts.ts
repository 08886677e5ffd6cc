// Bank accounts (docs/mangopay-api.md §3.8): IBAN, GB, US, CA, OTHER; list with Active and Sort; deactivate.
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { ApiError } from "../core/errors";
import { listResult, resolveIds } from "../core/list";
import type { ApiRouter } from "../core/router";
import { getBankAccount, getUser } from "../domain/lookups";
import type { BankAccount, BankAccountType } from "../store/types";
import { txList } from "./tx-lists";

const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

function pattern(b: BodyReader, field: string, re: RegExp, required: boolean, what: string): string | null {
  const v = b.string(field, { required });
  if (v !== null && !re.test(v)) b.fail(field, `The field ${field} must be ${what}.`);
  return v;
}

/** Type-specific detail fields (docs/mangopay-api.md §3.8). */
function readDetails(b: BodyReader, type: BankAccountType): Record<string, unknown> {
  switch (type) {
    case "IBAN": {
      const iban = b.string("IBAN", { required: true });
      if (iban !== null && !ibanValid(iban)) b.fail("IBAN", "The field IBAN must be a valid IBAN.");
      return {
        IBAN: iban?.replace(/\s+/g, "").toUpperCase() ?? null,
        BIC: pattern(b, "BIC", BIC, false, "a valid BIC"),
      };
    }
    case "GB":
      return {
        AccountNumber: pattern(b, "AccountNumber", /^\d{8}$/, true, "8 digits"),
        SortCode: pattern(b, "SortCode", /^\d{6}$/, true, "6 digits"),
      };
    case "US":
      return {
        AccountNumber: pattern(b, "AccountNumber", /^\d{4,17}$/, true, "4 to 17 digits"),
        ABA: pattern(b, "ABA", /^\d{9}$/, true, "9 digits"),
        DepositAccountType: b.enumOf("DepositAccountType", ["CHECKING", "SAVINGS"] as const) ?? "CHECKING",
      };
    case "CA":
      return {
        AccountNumber: pattern(b, "AccountNumber", /^\d{7,35}$/, true, "7 to 35 digits"),
        InstitutionNumber: pattern(b, "InstitutionNumber", /^\d{3,4}$/, true, "3 or 4 digits"),
        BranchCode: pattern(b, "BranchCode", /^\d{5}$/, true, "5 digits"),
        BankName: b.string("BankName", { required: true, max: 50 }),
      };
    case "OTHER":
      return {
        AccountNumber: pattern(b, "AccountNumber", /^[A-Za-z0-9]{7,35}$/, true, "7 to 35 letters or digits"),
        BIC: pattern(b, "BIC", BIC, true, "a valid BIC"),
        Country: b.country("Country", { required: true }),
      };
  }
}

/** A user's account, or the platform's own (`POST /clients/bankaccounts/iban`: UserId = the ClientId). */
function create(ctx: ApiContext, type: BankAccountType, ownerId?: string): BankAccount {
  const user = ownerId === undefined ? getUser(ctx.store, ctx.params.userId) : { Id: ownerId };
  const b = new BodyReader(ctx.body);
  const ownerName = b.string("OwnerName", { required: true });
  const ownerAddress = b.address("OwnerAddress", { required: true });
  const tag = b.tag();
  const details = readDetails(b, type);
  b.done();
  const account: BankAccount = {
    Id: ctx.store.nextId(),
    Tag: tag,
    CreationDate: ctx.now,
    UserId: user.Id,
    Type: type,
    OwnerName: ownerName as string,
    OwnerAddress: ownerAddress,
    Active: true,
    ...details,
  };
  ctx.store.addBankAccount(account);
  return account;
}

export function registerBankAccountRoutes(r: ApiRouter): void {
  for (const type of ["IBAN", "GB", "US", "CA", "OTHER"] as const) {
    r.post(`/users/:userId/bankaccounts/${type.toLowerCase()}`, (ctx) => ok(create(ctx, type)));
  }
  r.post("/clients/bankaccounts/iban", (ctx) => ok(create(ctx, "IBAN", ctx.store.info.ClientId)));
  r.get("/users/:userId/bankaccounts", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    const ids = ctx.store.idx.bankAccountsByUser.get(ctx.params.userId);
    return listResult(ctx, resolveIds(ids, ctx.store.bankAccounts), { boolFilters: ["Active"] });
  });
  r.get("/users/:userId/bankaccounts/:bankAccountId", (ctx) =>
    ok(getBankAccount(ctx.store, ctx.params.bankAccountId, ctx.params.userId)),
  );
  r.put("/users/:userId/bankaccounts/:bankAccountId", (ctx) => {
    const account = getBankAccount(ctx.store, ctx.params.bankAccountId, ctx.params.userId);
    const b = new BodyReader(ctx.body);
    const active = b.bool("Active", { required: true });
    b.done();
    if (active && !account.Active)
      throw new ApiError(400, "invalid_action", "A deactivated bank account cannot be reactivated");
    account.Active = active as boolean;
    return ok(account);
  });
  r.get("/bankaccounts/:bankAccountId/transactions", (ctx) => {
    getBankAccount(ctx.store, ctx.params.bankAccountId);
    return txList(ctx, ctx.store.idx.txByBankAccount.get(ctx.params.bankAccountId));
  });
}
