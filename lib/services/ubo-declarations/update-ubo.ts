import "server-only";
import { ubo } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { withFormFieldNames } from "@/lib/services/mangopay/write-inputs";
import { recordedMangopayCall, scalarFields } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { UBO_FIELD_NAMES, uboBody, UpdateUboInput } from "./action-schemas";
import { editableDeclaration } from "./internal";

/** Edits (or deactivates) a beneficial owner of a declaration that can still change. */
export async function updateUbo({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: UpdateUboInput;
}): Promise<{ id: string }> {
  assertCan(ctx, "uboDeclarations.edit");
  const values = parseInput(UpdateUboInput, input);
  const data = { ...values, body: { ...uboBody(values), IsActive: values.isActive } };
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const declaration = await editableDeclaration(client, data.userId, data.declarationId);
  const current = declaration.ubos.find((u) => u.id === data.uboId);
  if (!current) throw new NotFoundError("UBO not found");
  return recordedMangopayCall(ctx, {
    action: "ubo.update",
    targetType: "ubo",
    targetId: current.id,
    before: current,
    intent: {
      declarationId: declaration.id,
      firstName: data.body.FirstName,
      lastName: data.body.LastName,
      active: data.isActive,
    },
    confirm: {
      by: "read",
      path: "/users/{userId}/kyc/ubodeclarations/{declarationId}/ubos/{uboId}",
      params: { userId: data.userId, declarationId: declaration.id, uboId: current.id },
      expect: scalarFields(data.body),
    },
    call: () =>
      withFormFieldNames(UBO_FIELD_NAMES, () =>
        callMangopay(async () => {
          const updated = await ubo.updateUbo(client, data.userId, declaration.id, current.id, data.body);
          return { id: updated.Id };
        }),
      ),
    result: (u) => ({ upstreamId: u.id, after: { declarationId: declaration.id, active: data.isActive } }),
  });
}
