// What MANGOPAY's compliance team does to a user outside the API, reachable in the emulator through
// control calls (and the seed): block/unblock inflows or outflows, ask for account validation, require
// a KYC renewal. Each emits the webhook event MANGOPAY documents for it.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore, RegulatoryStatus } from "../store/client-store";
import type { User } from "../store/types";
import { getUser } from "./lookups";

/** `GET /users/{id}/regulatory`: blocking set by a sandbox operation; a CLOSED user is blocked both ways. */
export function regulatoryOf(
  store: ClientStore,
  user: User,
): { UserId: string; ActionCode: string | null; ScopeBlocked: { Inflows: boolean; Outflows: boolean } } {
  const closed = user.UserStatus === "CLOSED";
  const status = store.regulatory.get(user.Id);
  return {
    UserId: user.Id,
    ActionCode: status?.ActionCode ?? null,
    ScopeBlocked: { Inflows: closed || (status?.Inflows ?? false), Outflows: closed || (status?.Outflows ?? false) },
  };
}

export interface BlockChange {
  Inflows?: boolean;
  Outflows?: boolean;
  ActionCode?: string | null;
}

/** Sets inflow/outflow blocking; emits USER_INFLOWS_BLOCKED|UNBLOCKED and USER_OUTFLOWS_… for each change. */
export function setUserBlocking(
  emu: Emulator,
  store: ClientStore,
  userId: string,
  change: BlockChange,
  now: number,
): RegulatoryStatus {
  const user = getUser(store, userId);
  const before = store.regulatory.get(user.Id) ?? { Inflows: false, Outflows: false, ActionCode: null };
  const after: RegulatoryStatus = {
    Inflows: change.Inflows ?? before.Inflows,
    Outflows: change.Outflows ?? before.Outflows,
    ActionCode: change.ActionCode !== undefined ? change.ActionCode : before.ActionCode,
  };
  store.regulatory.set(user.Id, after);
  if (after.Inflows !== before.Inflows)
    emu.events.emit(store, after.Inflows ? "USER_INFLOWS_BLOCKED" : "USER_INFLOWS_UNBLOCKED", user.Id, now);
  if (after.Outflows !== before.Outflows)
    emu.events.emit(store, after.Outflows ? "USER_OUTFLOWS_BLOCKED" : "USER_OUTFLOWS_UNBLOCKED", user.Id, now);
  return after;
}

/** ASKED: UserStatus PENDING_USER_ACTION + USER_ACCOUNT_VALIDATION_ASKED; ACTIVATED: ACTIVE + USER_ACCOUNT_ACTIVATED. */
export function setAccountValidation(
  emu: Emulator,
  store: ClientStore,
  userId: string,
  state: "ASKED" | "ACTIVATED",
  now: number,
): User {
  const user = getUser(store, userId);
  if (user.UserStatus === "CLOSED") throw new ApiError(400, "invalid_action", "The user is closed");
  user.UserStatus = state === "ASKED" ? "PENDING_USER_ACTION" : "ACTIVE";
  emu.events.emit(store, state === "ASKED" ? "USER_ACCOUNT_VALIDATION_ASKED" : "USER_ACCOUNT_ACTIVATED", user.Id, now);
  return user;
}

/** REQUIRED: USER_KYC_RENEWAL_REQUIRED; RENEWED: USER_KYC_RENEWED (the user object does not change). */
export function signalKycRenewal(
  emu: Emulator,
  store: ClientStore,
  userId: string,
  state: "REQUIRED" | "RENEWED",
  now: number,
): User {
  const user = getUser(store, userId);
  emu.events.emit(store, state === "REQUIRED" ? "USER_KYC_RENEWAL_REQUIRED" : "USER_KYC_RENEWED", user.Id, now);
  return user;
}
