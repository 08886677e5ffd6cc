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
import { HOOK_FIELD_NAMES, hookUrlProblem, UpdateHookInput } from "./schemas";

/** Changes a hook's URL or enables/disables it; the hook is read first (before snapshot, NotFound). */
export async function updateHook({ ctx, input }: { ctx: AccountContext; input: UpdateHookInput }): Promise<HookDTO> {
  assertCan(ctx, "hooks.edit");
  const data = parseInput(UpdateHookInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const problem = data.url ? hookUrlProblem(data.url, ctx.account.environment) : null;
  if (problem) throw new ValidationError("Please correct the highlighted fields.", { url: [problem] });
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const before = toHookDTO(await callMangopay(() => hooks.get(client, data.hookId)));
  const body = { Url: data.url, Status: data.status };
  return recordedMangopayCall(ctx, {
    action: "hook.update",
    targetType: "hook",
    targetId: data.hookId,
    before,
    intent: { url: data.url ? redactReceiverUrl(data.url) : null, status: data.status ?? null },
    // The URL may carry the dashboard receiver's token: it is never stored, so only a status change is checked.
    confirm: {
      by: "read",
      path: "/hooks/{hookId}",
      params: { hookId: data.hookId },
      expect: data.status ? { Status: data.status } : {},
    },
    call: () =>
      withFormFieldNames(HOOK_FIELD_NAMES, () =>
        callMangopay(async () => toHookDTO(await hooks.update(client, data.hookId, body))),
      ),
    result: (hook) => ({ upstreamId: hook.id, after: hook }),
  });
}
