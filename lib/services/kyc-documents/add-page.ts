import "server-only";
import { kycDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { assertPage } from "@/lib/services/mangopay/document-page";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { openKycDocumentOf } from "./internal";
import { AddKycPageInput } from "./upload-schemas";

/** Adds one page to an open KYC document; the file is checked against MANGOPAY's rules first. */
export async function addKycPage({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: AddKycPageInput;
}): Promise<{ documentId: string }> {
  assertCan(ctx, "kycDocuments.create");
  const data = parseInput(AddKycPageInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  assertPage(data.file, false); // a refused file costs no MANGOPAY call
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const doc = await openKycDocumentOf(client, data.userId, data.documentId);
  if (doc.type === "IDENTITY_PROOF") assertPage(data.file, true);
  const bytes = Buffer.byteLength(data.file, "base64");
  return recordedMangopayCall(ctx, {
    action: "kyc_document.add_page",
    targetType: "kyc_document",
    targetId: doc.id,
    intent: { userId: data.userId, bytes },
    confirm: { by: "response" },
    call: async (idempotencyKey) => {
      await callMangopay(() => kycDocuments.addPage(client, data.userId, doc.id, data.file, { idempotencyKey }));
      return { documentId: doc.id };
    },
    result: (r) => ({ upstreamId: r.documentId, after: { bytes } }),
  });
}
