import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { arrayOf, getOne, send, sendNoContent, type WriteOptions } from "./resource";
import { DISPUTE_DOCUMENT_TYPES, DisputeDocument } from "./schemas/disputes";
import { DocumentConsultation } from "./schemas/kyc";

export type DisputeDocumentType = (typeof DISPUTE_DOCUMENT_TYPES)[number];

export function create(
  client: MangopayClient,
  disputeId: string,
  input: { Type: DisputeDocumentType; Tag?: string },
  options: WriteOptions = {},
): Promise<DisputeDocument> {
  return send(
    client,
    "POST",
    "/disputes/{disputeId}/documents",
    { disputeId },
    input,
    DisputeDocument,
    "dispute document",
    options,
  );
}

export function addPage(
  client: MangopayClient,
  disputeId: string,
  documentId: string,
  fileBase64: string,
  options: WriteOptions = {},
): Promise<void> {
  return sendNoContent(
    client,
    "POST",
    "/disputes/{disputeId}/documents/{documentId}/pages",
    { disputeId, documentId },
    { File: fileBase64 },
    options,
  );
}

export function submit(
  client: MangopayClient,
  disputeId: string,
  documentId: string,
  options: CallOptions = {},
): Promise<DisputeDocument> {
  return send(
    client,
    "PUT",
    "/disputes/{disputeId}/documents/{documentId}",
    { disputeId, documentId },
    { Status: "VALIDATION_ASKED" },
    DisputeDocument,
    "dispute document",
    options,
  );
}

export function get(client: MangopayClient, documentId: string, options: CallOptions = {}): Promise<DisputeDocument> {
  return getOne(
    client,
    "/dispute-documents/{documentId}",
    { documentId },
    DisputeDocument,
    "dispute document",
    options,
  );
}

export type DisputeDocumentFilter = "BeforeDate" | "AfterDate" | "Status" | "Type";

export function list(
  client: MangopayClient,
  options: ListOptions<DisputeDocumentFilter> = {},
): Promise<Page<DisputeDocument>> {
  return listPage(client, { path: "/dispute-documents", item: DisputeDocument, itemName: "dispute document" }, options);
}

export function listByDispute(
  client: MangopayClient,
  disputeId: string,
  options: ListOptions<DisputeDocumentFilter> = {},
): Promise<Page<DisputeDocument>> {
  return listPage(
    client,
    {
      path: "/disputes/{disputeId}/documents",
      params: { disputeId },
      item: DisputeDocument,
      itemName: "dispute document",
    },
    options,
  );
}

export function consult(
  client: MangopayClient,
  documentId: string,
  options: WriteOptions = {},
): Promise<DocumentConsultation[]> {
  return send(
    client,
    "POST",
    "/dispute-documents/{documentId}/consult",
    { documentId },
    undefined,
    arrayOf(DocumentConsultation),
    "document consultation",
    options,
  );
}
