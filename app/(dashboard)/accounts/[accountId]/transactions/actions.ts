"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { createRefund } from "@/lib/services/refunds/create";
import { CreateRefundInput } from "@/lib/services/refunds/schemas";

export const createRefundAction = accountAction("refunds.create", CreateRefundInput, async ({ ctx, input }) => {
  const result = await createRefund({ ctx, input });
  revalidatePath(`/accounts/${ctx.account.id}`, "layout");
  return result;
});
