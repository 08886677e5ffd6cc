import "server-only";
import { ubo } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, PreconditionError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { UboDeclarationIdInput } from "./action-schemas";
import { toUboDeclarationDTO, type UboDeclarationDTO } from "./dto";
import { editableDeclaration } from "./internal";

/** Sends the declaration for review; it needs at least one active beneficial owner. */
export async function submitUboDeclaration({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: UboDeclarationIdInput;
}): Promise<UboDeclarationDTO> {
  assertCan(ctx, "uboDeclarations.edit");
  const data = parseInput(UboDeclarationIdInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const declaration = await editableDeclaration(client, data.userId, data.declarationId);
  if (!declaration.ubos.some((u) => u.active))
    throw new PreconditionError("Add at least one beneficial owner before submitting.");
  return recordedMangopayCall(ctx, {
    action: "ubo_declaration.submit",
    targetType: "ubo_declaration",
    targetId: declaration.id,
    before: { status: declaration.status },
    intent: { userId: data.userId, status: "VALIDATION_ASKED" },
    confirm: {
      by: "read",
      path: "/kyc/ubodeclarations/{declarationId}",
      params: { declarationId: declaration.id },
      expect: { Status: "VALIDATION_ASKED" },
    },
    call: () =>
      callMangopay(async () => toUboDeclarationDTO(await ubo.submitDeclaration(client, data.userId, declaration.id))),
    result: (d) => ({ upstreamId: d.id, after: { status: d.status } }),
  });
}
