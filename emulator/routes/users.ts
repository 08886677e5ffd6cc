// Natural and legal users (docs/mangopay-api.md §3.2): create, view, update, list (reduced projection), close.
import type { ApiContext } from "../core/context";
import { ok, noContent } from "../core/context";
import { ApiError, notFound } from "../core/errors";
import { listResult } from "../core/list";
import type { ApiRouter } from "../core/router";
import type { EventType } from "../events/event-types";
import { getUser } from "../domain/lookups";
import { regulatoryOf } from "../domain/user-status";
import type { LegalUser, NaturalUser, User } from "../store/types";
import { emoney } from "./user-emoney";
import { readLegal, readNatural } from "./user-input";

/** GET /users returns this projection only (docs/mangopay-api.md §2.2). */
export function userListView(u: User) {
  return {
    Id: u.Id,
    Tag: u.Tag,
    CreationDate: u.CreationDate,
    PersonType: u.PersonType,
    Email: u.Email,
    KYCLevel: u.KYCLevel,
    TermsAndConditionsAccepted: u.TermsAndConditionsAccepted,
    TermsAndConditionsAcceptedDate: u.TermsAndConditionsAcceptedDate,
    UserCategory: u.UserCategory,
    UserStatus: u.UserStatus,
  };
}

export function newNaturalUser(id: string, now: number, fields: Partial<NaturalUser>): NaturalUser {
  return {
    Id: id,
    Tag: null,
    CreationDate: now,
    PersonType: "NATURAL",
    Email: "",
    FirstName: "",
    LastName: "",
    Address: null,
    Birthday: null,
    Nationality: null,
    CountryOfResidence: null,
    Occupation: null,
    IncomeRange: null,
    ProofOfIdentity: null,
    ProofOfAddress: null,
    Capacity: "NORMAL",
    KYCLevel: "LIGHT",
    TermsAndConditionsAccepted: false,
    TermsAndConditionsAcceptedDate: null,
    UserCategory: "PAYER",
    UserStatus: "ACTIVE",
    ...fields,
  };
}

export function newLegalUser(id: string, now: number, fields: Partial<LegalUser>): LegalUser {
  return {
    Id: id,
    Tag: null,
    CreationDate: now,
    PersonType: "LEGAL",
    Email: "",
    Name: "",
    LegalPersonType: "BUSINESS",
    HeadquartersAddress: null,
    LegalRepresentativeFirstName: "",
    LegalRepresentativeLastName: "",
    LegalRepresentativeEmail: null,
    LegalRepresentativeBirthday: null,
    LegalRepresentativeNationality: null,
    LegalRepresentativeCountryOfResidence: null,
    LegalRepresentativeAddress: null,
    CompanyNumber: null,
    ProofOfRegistration: null,
    ShareholderDeclaration: null,
    Statute: null,
    LegalRepresentativeProofOfIdentity: null,
    KYCLevel: "LIGHT",
    TermsAndConditionsAccepted: false,
    TermsAndConditionsAcceptedDate: null,
    UserCategory: "PAYER",
    UserStatus: "ACTIVE",
    ...fields,
  };
}

function userOfType(ctx: ApiContext, type: "NATURAL" | "LEGAL"): User {
  const user = ctx.store.users.get(ctx.params.userId);
  if (!user || user.PersonType !== type)
    throw notFound(type === "NATURAL" ? "UserNatural" : "UserLegal", ctx.params.userId);
  return user;
}

function emitCategoryChange(ctx: ApiContext, user: User, before: string): void {
  if (user.UserCategory !== before) {
    ctx.emu.events.emit(ctx.store, `USER_CATEGORY_UPDATED_TO_${user.UserCategory}` as EventType, user.Id, ctx.now);
  }
}

function closeUser(ctx: ApiContext, type: "NATURAL" | "LEGAL") {
  const user = userOfType(ctx, type);
  for (const walletId of ctx.store.idx.walletsByUser.get(user.Id)) {
    if ((ctx.store.wallets.get(walletId)?.Balance.Amount ?? 0) !== 0) {
      throw new ApiError(
        400,
        "user_closure_not_possible",
        "The user cannot be closed: at least one wallet is not empty",
      );
    }
  }
  user.UserStatus = "CLOSED";
  ctx.emu.events.emit(ctx.store, "USER_ACCOUNT_CLOSED", user.Id, ctx.now);
  return noContent();
}

export function registerUserRoutes(r: ApiRouter): void {
  r.post("/users/natural", (ctx) => {
    const user = newNaturalUser(ctx.store.nextId(), ctx.now, readNatural(ctx.body, true, ctx.now));
    ctx.store.addUser(user);
    return ok(user);
  });
  r.post("/users/legal", (ctx) => {
    const user = newLegalUser(ctx.store.nextId(), ctx.now, readLegal(ctx.body, true, ctx.now));
    ctx.store.addUser(user);
    return ok(user);
  });
  r.put("/users/natural/:userId", (ctx) => {
    const user = userOfType(ctx, "NATURAL") as NaturalUser;
    const before = user.UserCategory;
    Object.assign(user, readNatural(ctx.body, false, ctx.now, user));
    emitCategoryChange(ctx, user, before);
    return ok(user);
  });
  r.put("/users/legal/:userId", (ctx) => {
    const user = userOfType(ctx, "LEGAL") as LegalUser;
    const before = user.UserCategory;
    Object.assign(user, readLegal(ctx.body, false, ctx.now, user));
    emitCategoryChange(ctx, user, before);
    return ok(user);
  });
  r.get("/users/:userId", (ctx) => ok(getUser(ctx.store, ctx.params.userId)));
  r.get("/users/natural/:userId", (ctx) => ok(userOfType(ctx, "NATURAL")));
  r.get("/users/legal/:userId", (ctx) => ok(userOfType(ctx, "LEGAL")));
  r.get("/users", (ctx) =>
    // MANGOPAY documents no filter on GET /users (only pagination, Sort and dates).
    listResult(ctx, ctx.store.users.values(), { project: userListView }),
  );
  // Blocking comes from sandbox operations (control POST /clients/:clientId/users/:id/regulatory); CLOSED blocks both.
  const regulatory = (ctx: ApiContext) => ok(regulatoryOf(ctx.store, getUser(ctx.store, ctx.params.userId)));
  r.get("/users/:userId/regulatory", regulatory);
  r.get("/users/:userId/blockStatus", regulatory);
  r.get("/users/:userId/emoney/:year", (ctx) => ok(emoney(ctx)));
  r.get("/users/:userId/emoney/:year/:month", (ctx) => ok(emoney(ctx)));
  r.delete("/users/natural/:userId", (ctx) => closeUser(ctx, "NATURAL"));
  r.delete("/users/legal/:userId", (ctx) => closeUser(ctx, "LEGAL"));
}
