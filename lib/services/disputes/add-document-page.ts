import "server-only";
import { disputeDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { assertPage } from "@/lib/services/mangopay/document-page";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { AddDisputePageInput } from "./action-schemas";
import { openDisputeDocument } from "./internal";

/** Adds one page to an open evidence document; the file is checked against MANGOPAY's rules first. */
export async function addDisputeDocumentPage({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: AddDisputePageInput;
}): Promise<{ documentId: string }> {
  assertCan(ctx, "disputes.edit");
  const data = parseInput(AddDisputePageInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  assertPage(data.file, false);
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const doc = await openDisputeDocument(client, data.disputeId, data.documentId);
  const bytes = Buffer.byteLength(data.file, "base64");
  return recordedMangopayCall(ctx, {
    action: "dispute_document.add_page",
    targetType: "dispute_document",
    targetId: doc.id,
    intent: { disputeId: data.disputeId, bytes },
    confirm: { by: "response" },
    call: async (idempotencyKey) => {
      await callMangopay(() => disputeDocuments.addPage(client, data.disputeId, doc.id, data.file, { idempotencyKey }));
      return { documentId: doc.id };
    },
    result: (r) => ({ upstreamId: r.documentId, after: { bytes } }),
  });
}
