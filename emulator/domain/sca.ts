// Strong customer authentication (docs/mangopay-api.md §2.8): OWNER users enrol on MANGOPAY's hosted
// page; transfers between OWNERs with ScaContext USER_PRESENT wait for an SCA session; wallet reads
// with USER_PRESENT need an authentication less than 180 days old; USER_NOT_PRESENT needs consent.
// Sessions are completed on the emulator's hosted page (pages/sca-page.ts) or by a control call.
import type { Emulator } from "../core/emulator";
import { ApiError, forbidden, invalidAction } from "../core/errors";
import type { ApiResult } from "../core/context";
import type { ClientStore } from "../store/client-store";
import type { ConsentScope, ScaProfile, ScaSession, ScaSessionKind } from "../store/sca-types";
import type { Transfer, User } from "../store/types";
import { fail, succeed } from "./transactions";
import { canDebit } from "./ledger";
import { getUser } from "./lookups";

/** MANGOPAY: a session link is valid 10 minutes; an authentication exempts wallet access for 180 days. */
export const SESSION_TTL_SECONDS = 600;
export const WALLET_ACCESS_EXEMPTION_SECONDS = 180 * 86_400;
export type ScaContextValue = "USER_PRESENT" | "USER_NOT_PRESENT";

const CONSENT_EVENTS = {
  ContactInformationUpdate: "SCA_CONTACT_INFORMATION_UPDATE_CONSENT",
  RecipientRegistration: "SCA_RECIPIENT_REGISTRATION_CONSENT",
  Transfer: "SCA_TRANSFER_CONSENT",
  ViewAccountInformation: "SCA_VIEW_ACCOUNT_INFORMATION_CONSENT",
} as const satisfies Record<keyof ConsentScope, string>;

export function emptyProfile(): ScaProfile {
  return {
    PhoneNumber: null,
    PhoneNumberCountry: null,
    IsEnrolled: false,
    LastEnrollmentDate: null,
    LastConsentCollectionDate: null,
    LastAuthenticationDate: null,
    ConsentScope: {
      ContactInformationUpdate: null,
      RecipientRegistration: null,
      Transfer: null,
      ViewAccountInformation: null,
    },
  };
}

export function profileOf(store: ClientStore, userId: string): ScaProfile {
  let profile = store.scaProfiles.get(userId);
  if (!profile) {
    profile = emptyProfile();
    store.scaProfiles.set(userId, profile);
  }
  return profile;
}

export function sessionUrl(store: ClientStore, origin: string, sessionId: string): string {
  return `${origin}/sca/${encodeURIComponent(store.info.ClientId)}/${sessionId}`;
}

export function startSession(
  store: ClientStore,
  origin: string,
  kind: ScaSessionKind,
  userId: string,
  now: number,
  transactionId: string | null = null,
): { session: ScaSession; RedirectUrl: string } {
  const session: ScaSession = {
    Id: store.nextId("sca"),
    Kind: kind,
    UserId: userId,
    TransactionId: transactionId,
    CreationDate: now,
    ExpirationDate: now + SESSION_TTL_SECONDS,
    Status: "PENDING",
  };
  store.scaSessions.set(session.Id, session);
  return { session, RedirectUrl: sessionUrl(store, origin, session.Id) };
}

/** OWNER creation or categorization: the user must enrol; UserStatus PENDING_USER_ACTION until then. */
export function requireEnrollment(emu: Emulator, store: ClientStore, user: User, origin: string, now: number) {
  const { RedirectUrl } = startSession(store, origin, "ENROLLMENT", user.Id, now);
  if (!profileOf(store, user.Id).IsEnrolled && user.UserStatus !== "CLOSED") {
    user.UserStatus = "PENDING_USER_ACTION";
    emu.events.emit(store, "USER_ACCOUNT_VALIDATION_ASKED", user.Id, now);
  }
  return { RedirectUrl };
}

/** `POST /sca/users/{id}/enrollment`: a new session; UserStatus does not change (docs). */
export function startEnrollment(store: ClientStore, user: User, origin: string, now: number) {
  if (user.UserCategory !== "OWNER") {
    throw invalidAction(
      "SCA enrollment is only possible for users whose UserCategory is OWNER",
      "not_allowed_for_user_category_payer",
    );
  }
  if (user.UserStatus === "CLOSED") throw invalidAction("The user is closed");
  return { PendingUserAction: { RedirectUrl: startSession(store, origin, "ENROLLMENT", user.Id, now).RedirectUrl } };
}

export function startConsent(store: ClientStore, user: User, origin: string, now: number) {
  if (user.UserCategory !== "OWNER") {
    throw invalidAction("Consent is only collected from OWNER users", "not_allowed_for_user_category_payer");
  }
  return { PendingUserAction: { RedirectUrl: startSession(store, origin, "CONSENT", user.Id, now).RedirectUrl } };
}

/** `GET /sca/users/{id}/sca-status`. */
export function scaStatusOf(store: ClientStore, user: User) {
  const p = store.scaProfiles.get(user.Id) ?? emptyProfile();
  return {
    UserStatus: user.UserStatus,
    IsEnrolled: p.IsEnrolled,
    LastEnrollmentDate: p.LastEnrollmentDate,
    LastConsentCollectionDate: p.LastConsentCollectionDate,
    ConsentScope: { ...p.ConsentScope },
  };
}

/** Transfer debiting an OWNER towards another OWNER with USER_PRESENT: waits for SCA (no exemption here). */
export function needsTransferSca(store: ClientStore, transfer: Transfer, context: ScaContextValue | null): boolean {
  if (context !== "USER_PRESENT") return false;
  const author = store.users.get(transfer.AuthorId);
  const credited = transfer.CreditedUserId ? store.users.get(transfer.CreditedUserId) : undefined;
  return author?.UserCategory === "OWNER" && credited?.UserCategory === "OWNER" && author.Id !== credited.Id;
}

/** USER_NOT_PRESENT acts under the platform's proxy: refused (403) once the user revoked that consent. */
export function assertProxyConsent(store: ClientStore, userId: string, scope: keyof ConsentScope): void {
  if (store.scaProfiles.get(userId)?.ConsentScope[scope] === "REVOKED") {
    throw forbidden(
      `The user has not given consent to the platform's SCA proxy for this action (${scope})`,
      "sca_proxy_consent_missing",
    );
  }
}

/**
 * The four account-access reads (wallet, user wallets, user and wallet transactions) of an OWNER:
 * USER_PRESENT without an authentication in the last 180 days → 401 + `WWW-Authenticate: PendingUserAction
 * RedirectUrl=…`; USER_NOT_PRESENT → 403 once the view consent was revoked. Null when the read may go on.
 */
export function walletAccessBlock(
  store: ClientStore,
  owner: User | undefined,
  context: string | undefined,
  origin: string,
  now: number,
): ApiResult | null {
  if (!owner || owner.UserCategory !== "OWNER" || context === undefined) return null;
  const value = context.toUpperCase();
  if (value === "USER_NOT_PRESENT") {
    assertProxyConsent(store, owner.Id, "ViewAccountInformation");
    return null;
  }
  if (value !== "USER_PRESENT") return null;
  const last = store.scaProfiles.get(owner.Id)?.LastAuthenticationDate ?? null;
  if (last !== null && now - last < WALLET_ACCESS_EXEMPTION_SECONDS) return null;
  const { RedirectUrl } = startSession(store, origin, "WALLET_ACCESS", owner.Id, now);
  return {
    status: 401,
    headers: { "WWW-Authenticate": `PendingUserAction RedirectUrl=${RedirectUrl}` },
    body: {
      Message: "Strong customer authentication is required to access this account",
      Type: "sca_required",
      Date: now,
    },
  };
}

function expireIfStale(emu: Emulator, store: ClientStore, session: ScaSession, now: number): void {
  if (session.Status === "PENDING" && now >= session.ExpirationDate) finish(emu, store, session, "EXPIRED", now);
}

function finish(
  emu: Emulator,
  store: ClientStore,
  session: ScaSession,
  outcome: "SUCCEEDED" | "FAILED" | "EXPIRED",
  now: number,
): void {
  session.Status = outcome;
  const user = getUser(store, session.UserId);
  const profile = profileOf(store, user.Id);
  if (outcome === "SUCCEEDED") profile.LastAuthenticationDate = now;
  switch (session.Kind) {
    case "ENROLLMENT":
      if (outcome === "SUCCEEDED") {
        profile.IsEnrolled = true;
        profile.LastEnrollmentDate = now;
        emu.events.emit(store, "SCA_ENROLLMENT_SUCCEEDED", user.Id, now);
        if (user.UserStatus === "PENDING_USER_ACTION") {
          user.UserStatus = "ACTIVE";
          emu.events.emit(store, "USER_ACCOUNT_ACTIVATED", user.Id, now);
        }
      } else if (outcome === "EXPIRED") {
        emu.events.emit(store, "SCA_ENROLLMENT_EXPIRED", user.Id, now);
      }
      // A refused enrollment sends no webhook (docs: "no webhook for a failed enrollment outcome").
      break;
    case "TRANSFER": {
      const tx = session.TransactionId ? store.transactions.get(session.TransactionId) : undefined;
      if (tx && tx.Status === "CREATED") {
        if (outcome !== "SUCCEEDED") fail(emu, store, tx, outcome === "FAILED" ? "SCA_FAILED" : "SCA_EXPIRED", now);
        else if (tx.DebitedWalletId && !canDebit(store, tx.DebitedWalletId, tx.DebitedFunds.Amount))
          fail(emu, store, tx, "INSUFFICIENT_BALANCE", now);
        else succeed(emu, store, tx, now);
      }
      break;
    }
    case "RECIPIENT": {
      const recipient = session.TransactionId ? store.recipients.get(session.TransactionId) : undefined;
      if (recipient && recipient.Status === "PENDING") {
        recipient.Status = outcome === "SUCCEEDED" ? "ACTIVE" : "CANCELED";
        emu.events.emit(store, outcome === "SUCCEEDED" ? "RECIPIENT_ACTIVE" : "RECIPIENT_CANCELED", recipient.Id, now);
      }
      break;
    }
    case "CONSENT":
      if (outcome === "SUCCEEDED") {
        profile.LastConsentCollectionDate = now;
        for (const scope of Object.keys(CONSENT_EVENTS) as Array<keyof ConsentScope>) {
          if (profile.ConsentScope[scope] !== "GIVEN") {
            profile.ConsentScope[scope] = "GIVEN";
            emu.events.emit(store, `${CONSENT_EVENTS[scope]}_GIVEN`, user.Id, now);
          }
        }
      }
      break;
    default:
      break;
  }
}

/** Hosted page or control call: the user authenticates (SUCCEEDED), fails, or lets the session expire. */
export function completeSession(
  emu: Emulator,
  store: ClientStore,
  sessionId: string,
  outcome: "SUCCEEDED" | "FAILED" | "EXPIRED",
  now: number,
): ScaSession {
  const session = store.scaSessions.get(sessionId);
  if (!session) throw new ApiError(404, "ressource_not_found", "The SCA session does not exist");
  expireIfStale(emu, store, session, now);
  if (session.Status !== "PENDING") throw invalidAction(`The SCA session is already ${session.Status}`);
  finish(emu, store, session, outcome, now);
  return session;
}

/** Control call: the user revokes (or gives) one proxy consent from MANGOPAY's side. */
export function setConsent(
  emu: Emulator,
  store: ClientStore,
  userId: string,
  scope: keyof ConsentScope,
  value: "GIVEN" | "REVOKED",
  now: number,
): ScaProfile {
  const user = getUser(store, userId);
  const profile = profileOf(store, user.Id);
  if (profile.ConsentScope[scope] !== value) {
    profile.ConsentScope[scope] = value;
    if (value === "GIVEN") profile.LastConsentCollectionDate = now;
    emu.events.emit(store, `${CONSENT_EVENTS[scope]}_${value}`, user.Id, now);
  }
  return profile;
}
