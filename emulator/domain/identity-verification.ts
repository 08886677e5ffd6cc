// Identity verification sessions: created for a user with a ReturnUrl, PENDING until the user goes through
// the hosted page (HostedUrl), which validates, refuses or leaves the session for review; the outcome shows
// in Status and in the session's Checks, and emits IDENTITY_VERIFICATION_VALIDATED | FAILED | INCONCLUSIVE.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { IdentityVerification } from "../store/types";
import { withParam } from "./card-payments";
import { getUser } from "./lookups";

export function getIdentityVerification(store: ClientStore, id: string): IdentityVerification {
  const session = store.identityVerifications.get(id);
  if (!session)
    throw new ApiError(404, "ressource_not_found", `Cannot found the ressource IdentityVerification with the id=${id}`);
  return session;
}

export function createIdentityVerification(
  emu: Emulator,
  store: ClientStore,
  userId: string,
  input: { ReturnUrl: string; Tag?: string | null },
  now: number,
  origin: string,
): IdentityVerification {
  getUser(store, userId);
  const id = store.nextId("idnver_m");
  const session: IdentityVerification = {
    Id: id,
    Tag: input.Tag ?? null,
    CreationDate: now,
    HostedUrl: `${origin}/idv/${encodeURIComponent(store.info.ClientId)}/${id}`,
    Status: "PENDING",
    ReturnUrl: input.ReturnUrl,
    LastUpdate: now,
    UserId: userId,
    Checks: [],
  };
  store.identityVerifications.set(id, session);
  emu.events.emit(store, "IDENTITY_VERIFICATION_PENDING", id, now);
  return session;
}

export type IdvOutcome = "validated" | "refused" | "review";

const OUTCOME = {
  validated: { Status: "VALIDATED", CheckStatus: "VALIDATED", event: "IDENTITY_VERIFICATION_VALIDATED" },
  refused: { Status: "REFUSED", CheckStatus: "REFUSED", event: "IDENTITY_VERIFICATION_FAILED" },
  review: { Status: "REVIEW", CheckStatus: "REVIEW", event: "IDENTITY_VERIFICATION_INCONCLUSIVE" },
} as const;

/** The user's passage on the hosted page; returns where to send the browser, or null if not PENDING. */
export function completeIdentityVerification(
  emu: Emulator,
  store: ClientStore,
  id: string,
  outcome: IdvOutcome,
  now: number,
): string | null {
  const session = store.identityVerifications.get(id);
  if (!session || session.Status !== "PENDING") return null;
  const user = store.users.get(session.UserId);
  const [first, last] =
    user?.PersonType === "NATURAL"
      ? [user.FirstName, user.LastName]
      : [user?.LegalRepresentativeFirstName ?? "", user?.LegalRepresentativeLastName ?? ""];
  const result = OUTCOME[outcome];
  session.Status = result.Status;
  session.LastUpdate = now;
  session.Checks = [
    {
      CheckId: `${id}_doc`,
      Type: "IDENTITY_DOCUMENT_VERIFICATION",
      CheckStatus: result.CheckStatus,
      CreationDate: now,
      LastUpdate: now,
      Data: [
        { Type: "FIRST_NAME", Value: String(first) },
        { Type: "LAST_NAME", Value: String(last) },
        { Type: "DOCUMENT_TYPE", Value: "PASSPORT" },
      ],
      Reasons: outcome === "refused" ? [{ Type: "DOCUMENT_FALSIFIED", Value: "The document looks altered" }] : [],
    },
  ];
  emu.events.emit(store, result.event, id, now);
  return withParam(session.ReturnUrl, "identityVerificationId", id);
}
