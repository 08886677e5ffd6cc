"use server";

import { revalidatePath } from "next/cache";
import { hubAction } from "@/lib/server/action";
import { cancelJob, ManageJobInput, retryJob } from "@/lib/services/jobs/manage-job";
import { RetryWebhookPingInput, retryWebhookPing } from "@/lib/services/jobs/retry-ping";

export const retryWebhookPingAction = hubAction("hub.jobs.manage", RetryWebhookPingInput, async ({ ctx, input }) => {
  const res = await retryWebhookPing({ ctx, input });
  revalidatePath("/hub/jobs");
  return res;
});

export const retryJobAction = hubAction("hub.jobs.manage", ManageJobInput, async ({ ctx, input }) => {
  const res = await retryJob({ ctx, input });
  revalidatePath("/hub/jobs");
  return res;
});

export const cancelJobAction = hubAction("hub.jobs.manage", ManageJobInput, async ({ ctx, input }) => {
  const res = await cancelJob({ ctx, input });
  revalidatePath("/hub/jobs");
  return res;
});
