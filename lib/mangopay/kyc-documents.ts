import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { arrayOf, getOne, send, sendNoContent, type WriteOptions } from "./resource";
import { DocumentConsultation, KycDocument } from "./schemas/kyc";

export type KycDocumentType =
  "IDENTITY_PROOF" | "REGISTRATION_PROOF" | "ARTICLES_OF_ASSOCIATION" | "SHAREHOLDER_DECLARATION" | "ADDRESS_PROOF";

export function create(
  client: MangopayClient,
  userId: string,
  input: { Type: KycDocumentType; Tag?: string },
  options: WriteOptions = {},
): Promise<KycDocument> {
  return send(client, "POST", "/users/{userId}/kyc/documents", { userId }, input, KycDocument, "KYC document", options);
}

/** One page as base64 (PDF/JPEG/PNG, at most 5 pages, only while CREATED); answered 204. */
export function addPage(
  client: MangopayClient,
  userId: string,
  documentId: string,
  fileBase64: string,
  options: WriteOptions = {},
): Promise<void> {
  return sendNoContent(
    client,
    "POST",
    "/users/{userId}/kyc/documents/{documentId}/pages",
    { userId, documentId },
    { File: fileBase64 },
    options,
  );
}

/** Asks MANGOPAY to review the document (Status VALIDATION_ASKED). */
export function submit(
  client: MangopayClient,
  userId: string,
  documentId: string,
  options: CallOptions = {},
): Promise<KycDocument> {
  return send(
    client,
    "PUT",
    "/users/{userId}/kyc/documents/{documentId}",
    { userId, documentId },
    { Status: "VALIDATION_ASKED" },
    KycDocument,
    "KYC document",
    options,
  );
}

export function get(client: MangopayClient, documentId: string, options: CallOptions = {}): Promise<KycDocument> {
  return getOne(client, "/kyc/documents/{documentId}", { documentId }, KycDocument, "KYC document", options);
}

export type KycDocumentFilter = "Status" | "Type" | "BeforeDate" | "AfterDate";

export function list(client: MangopayClient, options: ListOptions<KycDocumentFilter> = {}): Promise<Page<KycDocument>> {
  return listPage(client, { path: "/kyc/documents", item: KycDocument, itemName: "KYC document" }, options);
}

export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions<KycDocumentFilter> = {},
): Promise<Page<KycDocument>> {
  return listPage(
    client,
    { path: "/users/{userId}/kyc/documents", params: { userId }, item: KycDocument, itemName: "KYC document" },
    options,
  );
}

/** Short-lived links to view the pages. */
export function consult(
  client: MangopayClient,
  documentId: string,
  options: WriteOptions = {},
): Promise<DocumentConsultation[]> {
  return send(
    client,
    "POST",
    "/kyc/documents/{documentId}/consult",
    { documentId },
    undefined,
    arrayOf(DocumentConsultation),
    "document consultation",
    options,
  );
}
