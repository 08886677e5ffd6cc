// KYC documents (docs/mangopay-api.md §3.13, §6): CREATED → (pages) → VALIDATION_ASKED → VALIDATED | REFUSED,
// later OUT_OF_DATE. In the sandbox the Tag given at creation decides the outcome ("accept",
// "refuse_unreadable"…); other documents wait for a control call, like the real Sandbox.
import type { Emulator } from "../core/emulator";
import { invalidAction, notFound, paramError } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { KycDocument, KycRefusedReason, KycType } from "../store/compliance-types";
import { addPage, readPage } from "./document-pages";
import { linkProof, refreshKycLevel } from "./kyc-level";
import { getUser } from "./lookups";

const REFUSE_TAGS: Record<string, KycRefusedReason> = {
  refuse_unreadable: "DOCUMENT_UNREADABLE",
  refuse_not_accepted: "DOCUMENT_NOT_ACCEPTED",
  refuse_expired: "DOCUMENT_HAS_EXPIRED",
  refuse_incomplete: "DOCUMENT_INCOMPLETE",
  refuse_missing: "DOCUMENT_MISSING",
  refuse_no_user_data_match: "DOCUMENT_DO_NOT_MATCH_USER_DATA",
  refuse_falsified: "DOCUMENT_FALSIFIED",
  refuse_underage: "UNDERAGE_PERSON",
  refuse_specific_case: "SPECIFIC_CASE",
};

const NATURAL_TYPES: readonly KycType[] = ["IDENTITY_PROOF", "ADDRESS_PROOF"];

export type KycOutcome = { validated: true } | { validated: false; reason: KycRefusedReason };

/** The sandbox outcome a Tag asks for, or null when the document waits for a manual decision. */
export function sandboxOutcome(tag: string | null): KycOutcome | null {
  const t = (tag ?? "").trim().toLowerCase();
  if (t === "accept") return { validated: true };
  const reason = REFUSE_TAGS[t];
  return reason ? { validated: false, reason } : null;
}

export function getKycDocument(store: ClientStore, id: string, userId?: string): KycDocument {
  const doc = store.kycDocuments.get(id);
  if (!doc || (userId !== undefined && doc.UserId !== userId)) throw notFound("KycDocument", id);
  return doc;
}

/**
 * Flags MANGOPAY sets on a refused identity proof (its documented flag list; meanings in emulator/README.md).
 * The emulator picks one representative code per refusal reason; SPECIFIC_CASE carries none.
 */
export const KYC_FLAGS: Record<string, readonly string[]> = {
  DOCUMENT_FALSIFIED: ["009000", "009002"], // suspected fraud; picture altered
  DOCUMENT_HAS_EXPIRED: ["009021"], // the document has expired
  DOCUMENT_NOT_ACCEPTED: ["009019"], // this kind of document is not supported
  DOCUMENT_UNREADABLE: ["009004"], // blurred
  DOCUMENT_INCOMPLETE: ["009005"], // cut off (missing information, unreadable MRZ)
  DOCUMENT_MISSING: ["009010"], // no document in the image
  UNDERAGE_PERSON: ["009020"], // the owner is under 18
  DOCUMENT_DO_NOT_MATCH_USER_DATA: ["009022"], // the names do not match the user's
};

export function createKycDocument(
  emu: Emulator,
  store: ClientStore,
  userId: string,
  type: KycType,
  tag: string | null,
  now: number,
): KycDocument {
  const user = getUser(store, userId);
  if (user.PersonType === "NATURAL" && !NATURAL_TYPES.includes(type)) {
    throw paramError({ Type: `A natural user cannot have a ${type} document. Allowed: ${NATURAL_TYPES.join(", ")}.` });
  }
  const doc: KycDocument = {
    Id: store.nextId(),
    Tag: tag,
    CreationDate: now,
    UserId: userId,
    Type: type,
    Status: "CREATED",
    ProcessedDate: null,
    RefusedReasonType: null,
    RefusedReasonMessage: null,
    Flags: [],
  };
  store.addKycDocument(doc);
  emu.events.emit(store, "KYC_CREATED", doc.Id, now);
  return doc;
}

export function addKycPage(store: ClientStore, doc: KycDocument, body: Record<string, unknown>, now: number): void {
  if (doc.Status !== "CREATED")
    throw invalidAction(`Pages can only be added while the document is CREATED (it is ${doc.Status})`);
  const page = readPage(body, doc.Type === "IDENTITY_PROOF" ? 32 * 1024 : 1024, now);
  addPage(store.pages, doc.Id, page);
}

export function submitKycDocument(emu: Emulator, store: ClientStore, doc: KycDocument, now: number): KycDocument {
  if (doc.Status !== "CREATED") throw invalidAction(`The document cannot be submitted: its Status is ${doc.Status}`);
  if ((store.pages.get(doc.Id) ?? []).length === 0) {
    throw paramError({ Status: "The document has no page: add at least one page before asking for validation." });
  }
  doc.Status = "VALIDATION_ASKED";
  emu.events.emit(store, "KYC_VALIDATION_ASKED", doc.Id, now);
  const outcome = sandboxOutcome(doc.Tag);
  const delay = emu.options.delays.kycMs;
  if (outcome && delay !== null) {
    emu.scheduler.schedule(delay, () => {
      if (doc.Status === "VALIDATION_ASKED") decideKyc(emu, store, doc, outcome, emu.clock.now());
    });
  }
  return doc;
}

/** MANGOPAY's decision on a submitted document (sandbox trigger or control endpoint). */
export function decideKyc(
  emu: Emulator,
  store: ClientStore,
  doc: KycDocument,
  outcome: KycOutcome,
  now: number,
  message?: string | null,
): KycDocument {
  if (doc.Status !== "VALIDATION_ASKED") {
    throw invalidAction(`Only a VALIDATION_ASKED document can be processed (it is ${doc.Status})`);
  }
  doc.ProcessedDate = now;
  const user = getUser(store, doc.UserId);
  if (outcome.validated) {
    doc.Status = "VALIDATED";
    linkProof(user, doc, true);
    emu.events.emit(store, "KYC_SUCCEEDED", doc.Id, now);
  } else {
    doc.Status = "REFUSED";
    doc.RefusedReasonType = outcome.reason;
    doc.RefusedReasonMessage = message ?? `Sandbox: refused (${outcome.reason})`;
    doc.Flags = doc.Type === "IDENTITY_PROOF" ? [...(KYC_FLAGS[outcome.reason] ?? [])] : [];
    emu.events.emit(store, "KYC_FAILED", doc.Id, now);
  }
  refreshKycLevel(emu, store, user, now);
  return doc;
}

/** A validated document expires (e.g. an identity card): the user may fall back to LIGHT. */
export function outdateKyc(emu: Emulator, store: ClientStore, doc: KycDocument, now: number): KycDocument {
  if (doc.Status !== "VALIDATED")
    throw invalidAction(`Only a VALIDATED document can become OUT_OF_DATE (it is ${doc.Status})`);
  doc.Status = "OUT_OF_DATE";
  doc.ProcessedDate = now;
  const user = getUser(store, doc.UserId);
  linkProof(user, doc, false);
  emu.events.emit(store, "KYC_OUTDATED", doc.Id, now);
  refreshKycLevel(emu, store, user, now);
  return doc;
}

export function pageCount(store: ClientStore, docId: string): number {
  return store.pages.get(docId)?.length ?? 0;
}
