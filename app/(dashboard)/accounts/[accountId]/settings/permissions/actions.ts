"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { UpdateGrantsInput } from "@/lib/services/access/schemas";
import { updateAccountGrants } from "@/lib/services/access/update-grants";

export const updateAccountGrantsAction = accountAction(
  "dashboard.permissions.manage",
  UpdateGrantsInput,
  async ({ ctx, input }) => {
    const result = await updateAccountGrants({ ctx, input });
    revalidatePath(`/accounts/${ctx.account.id}`, "layout");
    return result;
  },
);
