import "server-only";
import { kycDocuments, type MangopayClient } from "@/lib/mangopay";
import { NotFoundError, PreconditionError } from "@/lib/server/errors";
import { callMangopay } from "@/lib/services/upstream";
import { toKycDocumentDTO, type KycDocumentDTO } from "./dto";

/** The user's document, still open for pages: another user's document looks missing. */
export async function openKycDocumentOf(
  client: MangopayClient,
  userId: string,
  documentId: string,
): Promise<KycDocumentDTO> {
  const doc = toKycDocumentDTO(await callMangopay(() => kycDocuments.get(client, documentId)));
  if (doc.userId !== userId) throw new NotFoundError("KYC document not found");
  if (doc.status !== "CREATED")
    throw new PreconditionError("This document was already submitted; upload a new document instead.");
  return doc;
}
