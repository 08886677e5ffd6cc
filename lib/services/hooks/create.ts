import "server-only";
import { redactReceiverUrl } from "@/lib/services/mirror/endpoint";
import { hooks } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { withFormFieldNames } from "@/lib/services/mangopay/write-inputs";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { toHookDTO, type HookDTO } from "./dto";
import { CreateHookInput, HOOK_FIELD_NAMES, hookUrlProblem } from "./schemas";

/** Creates the hook of one event type (MANGOPAY keeps one per type). */
export async function createHook({ ctx, input }: { ctx: AccountContext; input: CreateHookInput }): Promise<HookDTO> {
  assertCan(ctx, "hooks.create");
  const data = parseInput(CreateHookInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const problem = hookUrlProblem(data.url, ctx.account.environment);
  if (problem) throw new ValidationError("Please correct the highlighted fields.", { url: [problem] });
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const body = { EventType: data.eventType, Url: data.url, Tag: data.tag };
  return recordedMangopayCall(ctx, {
    action: "hook.create",
    targetType: "hook",
    intent: { eventType: data.eventType, url: redactReceiverUrl(data.url) },
    confirm: { by: "response" },
    call: (idempotencyKey) =>
      withFormFieldNames(HOOK_FIELD_NAMES, () =>
        callMangopay(async () => toHookDTO(await hooks.create(client, body, { idempotencyKey }))),
      ),
    result: (hook) => ({ upstreamId: hook.id, after: hook }),
  });
}
