"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { settleDispute } from "@/lib/services/disputes/settle";
import { SettleDisputeInput } from "@/lib/services/disputes/settle-schemas";

export const settleDisputeAction = accountAction("repudiations.create", SettleDisputeInput, async ({ ctx, input }) => {
  const result = await settleDispute({ ctx, input });
  revalidatePath(`/accounts/${ctx.account.id}`, "layout");
  return result;
});
