// Dispute documents (docs/mangopay-api.md §3.15): created while the dispute waits for the platform, pages,
// VALIDATION_ASKED, then MANGOPAY's review after delays.kycMs (Tag starting "refuse" → REFUSED).
import type { Emulator } from "../core/emulator";
import { invalidAction, notFound } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { Dispute, DisputeDocType, DisputeDocument } from "../store/compliance-types";
import { addPage, readPage } from "./document-pages";

export function getDisputeDocument(store: ClientStore, id: string, disputeId?: string): DisputeDocument {
  const doc = store.disputeDocuments.get(id);
  if (!doc || (disputeId !== undefined && doc.DisputeId !== disputeId)) throw notFound("DisputeDocument", id);
  return doc;
}

export function createDisputeDocument(
  emu: Emulator,
  store: ClientStore,
  dispute: Dispute,
  type: DisputeDocType,
  tag: string | null,
  now: number,
): DisputeDocument {
  if (dispute.Status !== "PENDING_CLIENT_ACTION" && dispute.Status !== "REOPENED_PENDING_CLIENT_ACTION") {
    throw invalidAction(
      `Documents can only be added while the dispute waits for the platform (it is ${dispute.Status})`,
    );
  }
  const doc: DisputeDocument = {
    Id: store.nextId(),
    Tag: tag,
    CreationDate: now,
    DisputeId: dispute.Id,
    Type: type,
    Status: "CREATED",
    ProcessedDate: null,
    RefusedReasonType: null,
    RefusedReasonMessage: null,
  };
  const state = store;
  state.addDisputeDocument(doc);
  emu.events.emit(store, "DISPUTE_DOCUMENT_CREATED", doc.Id, now);
  return doc;
}

export function addDisputePage(
  store: ClientStore,
  doc: DisputeDocument,
  body: Record<string, unknown>,
  now: number,
): void {
  if (doc.Status !== "CREATED")
    throw invalidAction(`Pages can only be added while the document is CREATED (it is ${doc.Status})`);
  addPage(store.pages, doc.Id, readPage(body, 1024, now));
}

export function submitDisputeDocument(
  emu: Emulator,
  store: ClientStore,
  doc: DisputeDocument,
  now: number,
): DisputeDocument {
  if (doc.Status !== "CREATED") throw invalidAction(`The document cannot be submitted: its Status is ${doc.Status}`);
  doc.Status = "VALIDATION_ASKED";
  emu.events.emit(store, "DISPUTE_DOCUMENT_VALIDATION_ASKED", doc.Id, now);
  const delay = emu.options.delays.kycMs;
  if (delay !== null) {
    emu.scheduler.schedule(delay, () => {
      if (doc.Status === "VALIDATION_ASKED")
        reviewDisputeDocument(emu, store, doc, !/^refuse/i.test(doc.Tag ?? ""), emu.clock.now());
    });
  }
  return doc;
}

export function reviewDisputeDocument(
  emu: Emulator,
  store: ClientStore,
  doc: DisputeDocument,
  valid: boolean,
  now: number,
): DisputeDocument {
  if (doc.Status !== "VALIDATION_ASKED")
    throw invalidAction(`Only a VALIDATION_ASKED document can be reviewed (it is ${doc.Status})`);
  doc.ProcessedDate = now;
  if (valid) {
    doc.Status = "VALIDATED";
    emu.events.emit(store, "DISPUTE_DOCUMENT_SUCCEEDED", doc.Id, now);
  } else {
    doc.Status = "REFUSED";
    doc.RefusedReasonType = "DOCUMENT_UNREADABLE";
    doc.RefusedReasonMessage = "Sandbox: refused";
    emu.events.emit(store, "DISPUTE_DOCUMENT_FAILED", doc.Id, now);
  }
  return doc;
}
