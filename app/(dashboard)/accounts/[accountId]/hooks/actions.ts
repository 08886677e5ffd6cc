"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { connectWebhooks, ConnectWebhooksInput } from "@/lib/services/hooks/connect";
import { createHook } from "@/lib/services/hooks/create";
import { CreateHookInput, UpdateHookInput } from "@/lib/services/hooks/schemas";
import { updateHook } from "@/lib/services/hooks/update";
import { cancelMirrorBackfill, CancelMirrorBackfillInput } from "@/lib/services/mirror/cancel-backfill";
import { startMirrorBackfill, StartMirrorBackfillInput } from "@/lib/services/mirror/start-backfill";

export const createHookAction = accountAction("hooks.create", CreateHookInput, async ({ ctx, input }) => {
  const hook = await createHook({ ctx, input });
  revalidatePath(`/accounts/${ctx.account.id}/hooks`);
  return hook;
});

export const updateHookAction = accountAction("hooks.edit", UpdateHookInput, async ({ ctx, input }) => {
  const hook = await updateHook({ ctx, input });
  revalidatePath(`/accounts/${ctx.account.id}/hooks`);
  return hook;
});

// The service also asserts hooks.edit: connecting creates missing hooks and repoints existing ones.
export const connectWebhooksAction = accountAction("hooks.create", ConnectWebhooksInput, async ({ ctx, input }) => {
  const result = await connectWebhooks({ ctx, input });
  revalidatePath(`/accounts/${ctx.account.id}/hooks`);
  return { changed: result.changed, counts: result.counts, backfillStarted: result.backfillStarted };
});

// Backfilling and cancelling need what connecting needs (hooks.create and hooks.edit; the services check both).
export const startMirrorBackfillAction = accountAction(
  "hooks.create",
  StartMirrorBackfillInput,
  async ({ ctx, input }) => {
    const result = await startMirrorBackfill({ ctx, input: { accountId: input.accountId } });
    revalidatePath(`/accounts/${ctx.account.id}/hooks`);
    return result;
  },
);

export const cancelMirrorBackfillAction = accountAction(
  "hooks.create",
  CancelMirrorBackfillInput,
  async ({ ctx, input }) => {
    const result = await cancelMirrorBackfill({ ctx, input });
    revalidatePath(`/accounts/${ctx.account.id}/hooks`);
    return result;
  },
);
