// A user's KYCLevel follows its validated proofs (docs/mangopay-api.md §3.2, §3.13–3.14): natural users need an
// identity proof; legal users need the representative's identity, registration proof, and for
// BUSINESS/PARTNERSHIP articles of association and a validated UBO declaration (ORGANIZATION: articles).
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { KycDocument } from "../store/compliance-types";
import type { LegalUser, NaturalUser, User } from "../store/types";

type ProofField =
  | "ProofOfIdentity"
  | "ProofOfAddress"
  | "LegalRepresentativeProofOfIdentity"
  | "ProofOfRegistration"
  | "Statute"
  | "ShareholderDeclaration";

function proofField(user: User, type: KycDocument["Type"]): ProofField | null {
  if (user.PersonType === "NATURAL") {
    if (type === "IDENTITY_PROOF") return "ProofOfIdentity";
    if (type === "ADDRESS_PROOF") return "ProofOfAddress";
    return null;
  }
  switch (type) {
    case "IDENTITY_PROOF":
      return "LegalRepresentativeProofOfIdentity";
    case "REGISTRATION_PROOF":
      return "ProofOfRegistration";
    case "ARTICLES_OF_ASSOCIATION":
      return "Statute";
    case "SHAREHOLDER_DECLARATION":
      return "ShareholderDeclaration";
    default:
      return null;
  }
}

/** Links (or unlinks, when the document is no longer valid) the proof on the user object. */
export function linkProof(user: User, doc: KycDocument, valid: boolean): void {
  const field = proofField(user, doc.Type);
  if (!field) return;
  const rec = user as unknown as Record<ProofField, string | null>;
  if (valid) rec[field] = doc.Id;
  else if (rec[field] === doc.Id) rec[field] = null;
}

function hasValidatedUbo(store: ClientStore, userId: string): boolean {
  const state = store;
  return state.idx.uboByUser.get(userId).some((id) => state.uboDeclarations.get(id)?.Status === "VALIDATED");
}

export function expectedLevel(store: ClientStore, user: User): "LIGHT" | "REGULAR" {
  if (user.PersonType === "NATURAL") return (user as NaturalUser).ProofOfIdentity ? "REGULAR" : "LIGHT";
  const legal = user as LegalUser;
  if (!legal.LegalRepresentativeProofOfIdentity || !legal.ProofOfRegistration) return "LIGHT";
  if (legal.LegalPersonType === "SOLETRADER") return "REGULAR";
  if (!legal.Statute) return "LIGHT";
  if (legal.LegalPersonType === "ORGANIZATION") return "REGULAR";
  return hasValidatedUbo(store, legal.Id) ? "REGULAR" : "LIGHT";
}

/** Recomputes KYCLevel and emits USER_KYC_REGULAR / USER_KYC_LIGHT when it changes. */
export function refreshKycLevel(emu: Emulator, store: ClientStore, user: User, now: number): void {
  const level = expectedLevel(store, user);
  if (level === user.KYCLevel) return;
  user.KYCLevel = level;
  emu.events.emit(store, level === "REGULAR" ? "USER_KYC_REGULAR" : "USER_KYC_LIGHT", user.Id, now);
}
