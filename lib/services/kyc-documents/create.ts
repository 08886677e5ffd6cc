import "server-only";
import { kycDocuments, users } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { readMangopay } from "@/lib/services/mangopay/request";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { toKycDocumentDTO, type KycDocumentDTO } from "./dto";
import { CreateKycDocumentInput } from "./upload-schemas";

/** Opens a KYC document (Status CREATED) that pages are then added to, then submitted. */
export async function createKycDocument({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateKycDocumentInput;
}): Promise<KycDocumentDTO> {
  assertCan(ctx, "kycDocuments.create");
  const data = parseInput(CreateKycDocumentInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  // The user is read first: an id of another MANGOPAY client answers NotFound before anything is recorded.
  await readMangopay(ctx, `user:${data.userId}`, (c) => users.get(c, data.userId));
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  return recordedMangopayCall(ctx, {
    action: "kyc_document.create",
    targetType: "kyc_document",
    intent: { userId: data.userId, type: data.type },
    confirm: { by: "response" },
    call: (idempotencyKey) =>
      callMangopay(async () =>
        toKycDocumentDTO(await kycDocuments.create(client, data.userId, { Type: data.type }, { idempotencyKey })),
      ),
    result: (doc) => ({ upstreamId: doc.id, after: { userId: doc.userId, type: doc.type, status: doc.status } }),
  });
}
