import "server-only";
import { ubo } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { CreateUboDeclarationInput } from "./action-schemas";
import { toUboDeclarationDTO, type UboDeclarationDTO } from "./dto";

/** Opens a UBO declaration for a legal user (MANGOPAY refuses natural users). */
export async function createUboDeclaration({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateUboDeclarationInput;
}): Promise<UboDeclarationDTO> {
  assertCan(ctx, "uboDeclarations.create");
  const data = parseInput(CreateUboDeclarationInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  return recordedMangopayCall(ctx, {
    action: "ubo_declaration.create",
    targetType: "ubo_declaration",
    intent: { userId: data.userId },
    call: (idempotencyKey) =>
      callMangopay(async () =>
        toUboDeclarationDTO(await ubo.createDeclaration(client, data.userId, { idempotencyKey })),
      ),
    result: (d) => ({ upstreamId: d.id, after: { userId: d.userId, status: d.status } }),
  });
}
