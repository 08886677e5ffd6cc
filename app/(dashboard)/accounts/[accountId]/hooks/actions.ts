"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { connectWebhooks, ConnectWebhooksInput } from "@/lib/services/hooks/connect";

// The service also asserts hooks.edit: connecting creates missing hooks and repoints existing ones.
export const connectWebhooksAction = accountAction("hooks.create", ConnectWebhooksInput, async ({ ctx, input }) => {
  const result = await connectWebhooks({ ctx, input });
  revalidatePath(`/accounts/${ctx.account.id}/hooks`);
  return { changed: result.changed, counts: result.counts };
});
