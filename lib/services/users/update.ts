import "server-only";
import { users } from "@/lib/mangopay";
import { redact } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { withFormFieldNames } from "@/lib/services/mangopay/write-inputs";
import { recordedMangopayCall, scalarFields } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { toUserDTO, type UserDTO } from "./dto";
import { UpdateUserInput, USER_FIELD_NAMES, userBody } from "./schemas";

/**
 * Changes a user's editable fields. The user is read first: another client's id is NotFound before
 * anything is recorded, and the audit keeps the values it had.
 */
export async function updateUser({ ctx, input }: { ctx: AccountContext; input: UpdateUserInput }): Promise<UserDTO> {
  assertCan(ctx, "users.edit");
  const values = parseInput(UpdateUserInput, input);
  const data = { accountId: values.accountId, userId: values.userId, ...userBody(values) };
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const current = toUserDTO(await callMangopay(() => users.get(client, data.userId)));
  if (current.personType !== data.personType)
    throw new ValidationError("Please correct the highlighted fields.", {
      personType: ["The person type of a user cannot be changed"],
    });
  const before = { email: current.email, category: current.category, name: current.name, tag: current.tag };
  return recordedMangopayCall(ctx, {
    action: "user.update",
    targetType: "user",
    targetId: data.userId,
    before,
    intent: redact({ personType: data.personType, ...data.body }) ?? {},
    confirm: {
      by: "read",
      path: data.personType === "NATURAL" ? "/users/natural/{userId}" : "/users/legal/{userId}",
      params: { userId: data.userId },
      expect: scalarFields(data.body),
    },
    // PUT is idempotent by nature: MANGOPAY takes no key on updates.
    call: () =>
      withFormFieldNames(USER_FIELD_NAMES, async () =>
        callMangopay(async () =>
          data.personType === "NATURAL"
            ? toUserDTO(await users.updateNatural(client, data.userId, data.body))
            : toUserDTO(await users.updateLegal(client, data.userId, data.body)),
        ),
      ),
    result: (user) => ({ upstreamId: user.id, after: redact({ personType: user.personType, ...data.body }) ?? {} }),
  });
}
