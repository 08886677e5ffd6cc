import "server-only";
import { disputeDocuments, disputes, type MangopayClient } from "@/lib/mangopay";
import { NotFoundError, PreconditionError } from "@/lib/server/errors";
import { callMangopay } from "@/lib/services/upstream";
import { disputeActions, type DisputeActions } from "./allowed-actions";
import { toDisputeDocumentDTO, toDisputeDTO, type DisputeDocumentDTO, type DisputeDTO } from "./dto";

const REFUSALS: Record<keyof DisputeActions, string> = {
  contest: "This dispute cannot be contested now (its status or deadline does not allow it).",
  resubmit: "Only a reopened dispute can be submitted again, before its deadline.",
  close: "This dispute cannot be closed now.",
  documents: "Documents can be added only while the dispute waits for you, before its deadline.",
};

/** The dispute, read fresh, if its status allows `action`; otherwise a Precondition error. */
export async function disputeAllowing(
  client: MangopayClient,
  disputeId: string,
  action: keyof DisputeActions,
): Promise<DisputeDTO> {
  const dispute = toDisputeDTO(await callMangopay(() => disputes.get(client, disputeId)));
  if (!disputeActions(dispute, Date.now())[action]) throw new PreconditionError(REFUSALS[action]);
  return dispute;
}

/** One of the dispute's documents still open for pages; another dispute's document looks missing. */
export async function openDisputeDocument(
  client: MangopayClient,
  disputeId: string,
  documentId: string,
): Promise<DisputeDocumentDTO> {
  const raw = await callMangopay(() => disputeDocuments.get(client, documentId));
  if (raw.DisputeId !== disputeId) throw new NotFoundError("Dispute document not found");
  const doc = toDisputeDocumentDTO(raw);
  if (doc.status !== "CREATED")
    throw new PreconditionError("This document was already submitted; add a new document instead.");
  return doc;
}
