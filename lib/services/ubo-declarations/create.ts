import "server-only";
import { ubo, users } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, PreconditionError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { readMangopay } from "@/lib/services/mangopay/request";
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
  // The user is read first: an id of another MANGOPAY client answers NotFound before anything is
  // recorded or written, and a natural user gets a clear message instead of MANGOPAY's refusal.
  const user = await readMangopay(ctx, `user:${data.userId}`, (c) => users.get(c, data.userId));
  if (user.PersonType !== "LEGAL") throw new PreconditionError("UBO declarations are for legal users only.");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  return recordedMangopayCall(ctx, {
    action: "ubo_declaration.create",
    targetType: "ubo_declaration",
    intent: { userId: data.userId },
    confirm: { by: "response" },
    call: (idempotencyKey) =>
      callMangopay(async () =>
        toUboDeclarationDTO(await ubo.createDeclaration(client, data.userId, { idempotencyKey })),
      ),
    result: (d) => ({ upstreamId: d.id, after: { userId: d.userId, status: d.status } }),
  });
}
