import "server-only";
import { ubo } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { withFormFieldNames } from "@/lib/services/mangopay/write-inputs";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { AddUboInput, UBO_FIELD_NAMES, uboBody } from "./action-schemas";
import { editableDeclaration } from "./internal";

/** Adds a beneficial owner to a declaration that can still change. */
export async function addUbo({ ctx, input }: { ctx: AccountContext; input: AddUboInput }): Promise<{ id: string }> {
  assertCan(ctx, "uboDeclarations.create");
  const values = parseInput(AddUboInput, input);
  const data = { ...values, body: uboBody(values) };
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const declaration = await editableDeclaration(client, data.userId, data.declarationId);
  return recordedMangopayCall(ctx, {
    action: "ubo.create",
    targetType: "ubo",
    intent: { declarationId: declaration.id, firstName: data.body.FirstName, lastName: data.body.LastName },
    confirm: { by: "response" },
    call: (idempotencyKey) =>
      withFormFieldNames(UBO_FIELD_NAMES, () =>
        callMangopay(async () => {
          const created = await ubo.createUbo(client, data.userId, declaration.id, data.body, { idempotencyKey });
          return { id: created.Id };
        }),
      ),
    result: (u) => ({ upstreamId: u.id, after: { declarationId: declaration.id } }),
  });
}
