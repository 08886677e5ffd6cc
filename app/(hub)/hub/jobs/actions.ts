"use server";

import { revalidatePath } from "next/cache";
import { hubAction } from "@/lib/server/action";
import { RetryWebhookPingInput, retryWebhookPing } from "@/lib/services/jobs/retry-ping";

export const retryWebhookPingAction = hubAction("hub.jobs.manage", RetryWebhookPingInput, async ({ ctx, input }) => {
  const res = await retryWebhookPing({ ctx, input });
  revalidatePath("/hub/jobs");
  return res;
});
