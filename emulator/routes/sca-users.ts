// SCA user endpoints (docs/mangopay-api.md §2.8, §3.2): `/sca/users/natural|legal` create, update, view,
// categorize (PAYER → OWNER), enrollment, consent and SCA status. OWNER creation or categorization
// answers `PendingUserAction.RedirectUrl` (the emulator's hosted page) and UserStatus PENDING_USER_ACTION.
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { ApiError, notFound } from "../core/errors";
import type { ApiRouter } from "../core/router";
import type { EventType } from "../events/event-types";
import { getUser } from "../domain/lookups";
import { profileOf, requireEnrollment, scaStatusOf, startConsent, startEnrollment, startSession } from "../domain/sca";
import type { LegalUser, NaturalUser, User } from "../store/types";
import { readLegal, readNatural } from "./user-input";
import { newLegalUser, newNaturalUser } from "./users";

type Pending = { RedirectUrl: string } | null;

/** `UserNaturalSca`: the natural user plus phone and the pending action of this call. */
export function naturalScaView(ctx: ApiContext, user: NaturalUser, pending: Pending) {
  const p = ctx.store.scaProfiles.get(user.Id);
  // The SCA model has no Capacity (deprecated on the legacy user object).
  const rest: Partial<NaturalUser> = { ...user };
  delete rest.Capacity;
  return {
    ...rest,
    PhoneNumber: p?.PhoneNumber ?? null,
    PhoneNumberCountry: p?.PhoneNumberCountry ?? null,
    PendingUserAction: pending,
  };
}

/** `UserLegalSca`: the legal representative is nested (`LegalRepresentative{…}`), not flat. */
export function legalScaView(ctx: ApiContext, user: LegalUser, pending: Pending) {
  const p = ctx.store.scaProfiles.get(user.Id);
  const {
    LegalRepresentativeFirstName,
    LegalRepresentativeLastName,
    LegalRepresentativeEmail,
    LegalRepresentativeBirthday,
    LegalRepresentativeNationality,
    LegalRepresentativeCountryOfResidence,
    LegalRepresentativeProofOfIdentity,
    ...rest
  } = user;
  return {
    ...rest,
    LegalRepresentative: {
      FirstName: LegalRepresentativeFirstName,
      LastName: LegalRepresentativeLastName,
      Email: LegalRepresentativeEmail,
      Birthday: LegalRepresentativeBirthday,
      Nationality: LegalRepresentativeNationality,
      CountryOfResidence: LegalRepresentativeCountryOfResidence,
      PhoneNumber: p?.PhoneNumber ?? null,
      PhoneNumberCountry: p?.PhoneNumberCountry ?? null,
      ProofOfIdentity: LegalRepresentativeProofOfIdentity,
    },
    PendingUserAction: pending,
  };
}

function scaView(ctx: ApiContext, user: User, pending: Pending) {
  return user.PersonType === "NATURAL" ? naturalScaView(ctx, user, pending) : legalScaView(ctx, user, pending);
}

/** Maps the nested representative onto the stored flat fields; returns the phone fields it carried. */
function flattenLegal(body: Record<string, unknown>): {
  body: Record<string, unknown>;
  phone: Record<string, unknown>;
} {
  const { LegalRepresentative: rep, ...rest } = body;
  if (rep === undefined || rep === null) return { body: rest, phone: {} };
  if (typeof rep !== "object" || Array.isArray(rep)) {
    throw new ApiError(400, "param_error", "One or several required parameters are missing or incorrect.", {
      LegalRepresentative: "The LegalRepresentative field must be an object.",
    });
  }
  const r = rep as Record<string, unknown>;
  const flat: Record<string, unknown> = { ...rest };
  for (const [from, to] of [
    ["FirstName", "LegalRepresentativeFirstName"],
    ["LastName", "LegalRepresentativeLastName"],
    ["Email", "LegalRepresentativeEmail"],
    ["Birthday", "LegalRepresentativeBirthday"],
    ["Nationality", "LegalRepresentativeNationality"],
    ["CountryOfResidence", "LegalRepresentativeCountryOfResidence"],
  ] as const) {
    if (r[from] !== undefined) flat[to] = r[from];
  }
  return { body: flat, phone: { PhoneNumber: r.PhoneNumber, PhoneNumberCountry: r.PhoneNumberCountry } };
}

/** Reads PhoneNumber/PhoneNumberCountry (E.164-like digits, ISO country) and stores them on the profile. */
function readPhone(ctx: ApiContext, userId: string | null, source: Record<string, unknown>): () => boolean {
  const b = new BodyReader(source);
  const phone = b.string("PhoneNumber", { max: 20 });
  const country = b.country("PhoneNumberCountry");
  if (phone !== null && !/^\+?[0-9 ]{6,20}$/.test(phone)) b.fail("PhoneNumber", "The PhoneNumber field is not valid.");
  b.done();
  return () => {
    if (userId === null) return false;
    const profile = profileOf(ctx.store, userId);
    const changed =
      (phone !== null && phone !== profile.PhoneNumber) || (country !== null && country !== profile.PhoneNumberCountry);
    if (phone !== null) profile.PhoneNumber = phone;
    if (country !== null) profile.PhoneNumberCountry = country;
    return changed;
  };
}

function requireCreationFields(body: Record<string, unknown>, legal: boolean): void {
  const b = new BodyReader(body);
  b.enumOf("UserCategory", ["PAYER", "OWNER", "PLATFORM"] as const, { required: true });
  if (b.bool("TermsAndConditionsAccepted") === null)
    b.fail("TermsAndConditionsAccepted", "The TermsAndConditionsAccepted field is required.");
  if (legal && (body.LegalRepresentative === undefined || body.LegalRepresentative === null))
    b.fail("LegalRepresentative", "The LegalRepresentative field is required.");
  b.enumOf("ScaContext", ["USER_PRESENT", "USER_NOT_PRESENT"] as const);
  b.done();
}

function userOfType(ctx: ApiContext, type: "NATURAL" | "LEGAL"): User {
  const user = ctx.store.users.get(ctx.params.userId);
  if (!user || user.PersonType !== type)
    throw notFound(type === "NATURAL" ? "UserNaturalSca" : "UserLegalSca", ctx.params.userId);
  return user;
}

function afterCategoryChange(ctx: ApiContext, user: User, before: string): Pending {
  if (user.UserCategory === before) return null;
  ctx.emu.events.emit(ctx.store, `USER_CATEGORY_UPDATED_TO_${user.UserCategory}` as EventType, user.Id, ctx.now);
  return user.UserCategory === "OWNER" ? requireEnrollment(ctx.emu, ctx.store, user, ctx.origin, ctx.now) : null;
}

function create(ctx: ApiContext, type: "NATURAL" | "LEGAL") {
  requireCreationFields(ctx.body, type === "LEGAL");
  const { body, phone } = type === "LEGAL" ? flattenLegal(ctx.body) : { body: ctx.body, phone: ctx.body };
  const id = ctx.store.nextId();
  const user =
    type === "NATURAL"
      ? newNaturalUser(id, ctx.now, readNatural(body, true, ctx.now))
      : newLegalUser(id, ctx.now, readLegal(body, true, ctx.now));
  const savePhone = readPhone(ctx, id, phone);
  ctx.store.addUser(user);
  savePhone();
  profileOf(ctx.store, user.Id);
  const pending =
    user.UserCategory === "OWNER" ? requireEnrollment(ctx.emu, ctx.store, user, ctx.origin, ctx.now) : null;
  return ok(scaView(ctx, user, pending));
}

function update(ctx: ApiContext, type: "NATURAL" | "LEGAL", categorizing: boolean) {
  const user = userOfType(ctx, type);
  if (user.UserStatus === "CLOSED") throw new ApiError(400, "invalid_action", "The user is closed");
  const { body, phone } = type === "LEGAL" ? flattenLegal(ctx.body) : { body: ctx.body, phone: ctx.body };
  if (categorizing) {
    const b = new BodyReader(body);
    const category = b.enumOf("UserCategory", ["OWNER", "PAYER", "PLATFORM"] as const, { required: true });
    if (b.bool("TermsAndConditionsAccepted") === null && category === "OWNER")
      b.fail("TermsAndConditionsAccepted", "The TermsAndConditionsAccepted field is required.");
    b.done();
    if (user.UserCategory === "OWNER" && category === "OWNER")
      throw new ApiError(400, "invalid_action", "The user is already in the OWNER category");
  }
  const before = user.UserCategory;
  const emailBefore = user.Email;
  const fields =
    type === "NATURAL"
      ? readNatural(body, false, ctx.now, user as NaturalUser)
      : readLegal(body, false, ctx.now, user as LegalUser);
  const savePhone = readPhone(ctx, user.Id, phone);
  Object.assign(user, fields);
  const phoneChanged = savePhone();
  let pending = afterCategoryChange(ctx, user, before);
  // An OWNER's new contact details are confirmed in an SCA session (docs: "the new value in SCA").
  if (!pending && user.UserCategory === "OWNER" && (phoneChanged || user.Email !== emailBefore))
    pending = { RedirectUrl: startSession(ctx.store, ctx.origin, "CONTACT_UPDATE", user.Id, ctx.now).RedirectUrl };
  return ok(scaView(ctx, user, pending));
}

export function registerScaUserRoutes(r: ApiRouter): void {
  r.post("/sca/users/natural", (ctx) => create(ctx, "NATURAL"));
  r.post("/sca/users/legal", (ctx) => create(ctx, "LEGAL"));
  r.put("/sca/users/natural/:userId", (ctx) => update(ctx, "NATURAL", false));
  r.put("/sca/users/legal/:userId", (ctx) => update(ctx, "LEGAL", false));
  r.put("/sca/users/natural/:userId/category", (ctx) => update(ctx, "NATURAL", true));
  r.put("/sca/users/legal/:userId/category", (ctx) => update(ctx, "LEGAL", true));
  r.get("/sca/users/natural/:userId", (ctx) => ok(scaView(ctx, userOfType(ctx, "NATURAL"), null)));
  r.get("/sca/users/legal/:userId", (ctx) => ok(scaView(ctx, userOfType(ctx, "LEGAL"), null)));
  r.get("/sca/users/:userId", (ctx) => ok(scaView(ctx, getUser(ctx.store, ctx.params.userId), null)));
  r.post("/sca/users/:userId/enrollment", (ctx) =>
    ok(startEnrollment(ctx.store, getUser(ctx.store, ctx.params.userId), ctx.origin, ctx.now)),
  );
  r.post("/sca/users/:userId/consent", (ctx) =>
    ok(startConsent(ctx.store, getUser(ctx.store, ctx.params.userId), ctx.origin, ctx.now)),
  );
  r.get("/sca/users/:userId/sca-status", (ctx) => ok(scaStatusOf(ctx.store, getUser(ctx.store, ctx.params.userId))));
}
