import "server-only";
import { users } from "@/lib/mangopay";
import { redact } from "@/lib/server/audit";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { withFormFieldNames } from "@/lib/services/mangopay/write-inputs";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { toUserDTO, type UserDTO } from "./dto";
import { CreateUserInput, USER_FIELD_NAMES, userBody } from "./schemas";

/** Creates a natural or legal user at MANGOPAY: intent audited before the call, the user after it. */
export async function createUser({ ctx, input }: { ctx: AccountContext; input: CreateUserInput }): Promise<UserDTO> {
  assertCan(ctx, "users.create");
  const values = parseInput(CreateUserInput, input);
  const data = { accountId: values.accountId, ...userBody(values) };
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  return recordedMangopayCall(ctx, {
    action: "user.create",
    targetType: "user",
    intent: redact({ personType: data.personType, ...data.body }) ?? {},
    confirm: { by: "response" },
    call: (idempotencyKey) =>
      withFormFieldNames(USER_FIELD_NAMES, async () =>
        callMangopay(async () =>
          data.personType === "NATURAL"
            ? toUserDTO(await users.createNatural(client, data.body, { idempotencyKey }))
            : toUserDTO(await users.createLegal(client, data.body, { idempotencyKey })),
        ),
      ),
    result: (user) => ({ upstreamId: user.id, after: redact({ personType: user.personType, ...data.body }) ?? {} }),
  });
}
