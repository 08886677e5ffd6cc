"use server";

import { revalidatePath } from "next/cache";
import { hubAction } from "@/lib/server/action";
import { createApiAccount } from "@/lib/services/api-accounts/create";
import { deleteApiAccount } from "@/lib/services/api-accounts/delete";
import { renameApiAccount } from "@/lib/services/api-accounts/rename";
import { rotateApiKey } from "@/lib/services/api-accounts/rotate-key";
import { setEventRetention } from "@/lib/services/api-accounts/set-event-retention";
import {
  CreateApiAccountInput,
  DeleteApiAccountInput,
  RenameApiAccountInput,
  RotateApiKeyInput,
  SetEventRetentionInput,
} from "@/lib/services/api-accounts/schemas";

// Thin adapters: session + permission + schema here, then the service (which checks again and audits).
// Results carry ids and names only: never the key.

export const createApiAccountAction = hubAction(
  "hub.accounts.manage",
  CreateApiAccountInput,
  async ({ ctx, input }) => {
    const account = await createApiAccount({ ctx, input });
    revalidatePath("/hub");
    return { id: account.id, name: account.name };
  },
);

export const renameApiAccountAction = hubAction(
  "hub.accounts.manage",
  RenameApiAccountInput,
  async ({ ctx, input }) => {
    const account = await renameApiAccount({ ctx, input });
    revalidatePath("/hub");
    return { id: account.id, name: account.name };
  },
);

export const rotateApiKeyAction = hubAction("hub.accounts.manage", RotateApiKeyInput, async ({ ctx, input }) => {
  const account = await rotateApiKey({ ctx, input });
  revalidatePath("/hub");
  return { id: account.id, apiKeyLast4: account.apiKeyLast4 };
});

export const deleteApiAccountAction = hubAction(
  "hub.accounts.manage",
  DeleteApiAccountInput,
  async ({ ctx, input }) => {
    const result = await deleteApiAccount({ ctx, input });
    revalidatePath("/hub");
    return result;
  },
);

export const setEventRetentionAction = hubAction(
  "hub.accounts.manage",
  SetEventRetentionInput,
  async ({ ctx, input }) => {
    const result = await setEventRetention({ ctx, input });
    revalidatePath("/hub");
    return result;
  },
);
