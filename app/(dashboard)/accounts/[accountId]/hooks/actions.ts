"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { createHook } from "@/lib/services/hooks/create";
import { CreateHookInput, UpdateHookInput } from "@/lib/services/hooks/schemas";
import { updateHook } from "@/lib/services/hooks/update";

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
