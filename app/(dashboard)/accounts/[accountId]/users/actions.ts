"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { createUser } from "@/lib/services/users/create";
import { CreateUserInput } from "@/lib/services/users/schemas";

export const createUserAction = accountAction("users.create", CreateUserInput, async ({ ctx, input }) => {
  const user = await createUser({ ctx, input });
  revalidatePath(`/accounts/${ctx.account.id}/users`);
  return user;
});
