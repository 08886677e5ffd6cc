"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { createBankAccount } from "@/lib/services/bank-accounts/create";
import { deactivateBankAccount } from "@/lib/services/bank-accounts/deactivate";
import { CreateBankAccountInput, DeactivateBankAccountInput } from "@/lib/services/bank-accounts/schemas";
import { addKycPage } from "@/lib/services/kyc-documents/add-page";
import { createKycDocument } from "@/lib/services/kyc-documents/create";
import { submitKycDocument } from "@/lib/services/kyc-documents/submit";
import {
  AddKycPageInput,
  CreateKycDocumentInput,
  SubmitKycDocumentInput,
} from "@/lib/services/kyc-documents/upload-schemas";
import { createMandate } from "@/lib/services/mandates/create";
import { CreateMandateInput } from "@/lib/services/mandates/schemas";
import {
  AddUboInput,
  CreateUboDeclarationInput,
  UboDeclarationIdInput,
  UpdateUboInput,
} from "@/lib/services/ubo-declarations/action-schemas";
import { addUbo } from "@/lib/services/ubo-declarations/add-ubo";
import { createUboDeclaration } from "@/lib/services/ubo-declarations/create";
import { submitUboDeclaration } from "@/lib/services/ubo-declarations/submit";
import { updateUbo } from "@/lib/services/ubo-declarations/update-ubo";
import { UpdateUserInput } from "@/lib/services/users/schemas";
import { updateUser } from "@/lib/services/users/update";

// The user profile's actions: each re-renders the profile (and its tabs) once MANGOPAY answered.
const refresh = <T>(accountId: string, value: T): T => {
  revalidatePath(`/accounts/${accountId}/users`, "layout");
  return value;
};

export const updateUserAction = accountAction("users.edit", UpdateUserInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await updateUser({ ctx, input })),
);

export const createBankAccountAction = accountAction(
  "bankAccounts.create",
  CreateBankAccountInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await createBankAccount({ ctx, input })),
);

export const deactivateBankAccountAction = accountAction(
  "bankAccounts.edit",
  DeactivateBankAccountInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await deactivateBankAccount({ ctx, input })),
);

export const createMandateAction = accountAction("mandates.create", CreateMandateInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await createMandate({ ctx, input })),
);

export const createKycDocumentAction = accountAction(
  "kycDocuments.create",
  CreateKycDocumentInput,
  async ({ ctx, input }) => createKycDocument({ ctx, input }),
);

export const addKycPageAction = accountAction("kycDocuments.create", AddKycPageInput, async ({ ctx, input }) =>
  addKycPage({ ctx, input }),
);

export const submitKycDocumentAction = accountAction(
  "kycDocuments.edit",
  SubmitKycDocumentInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await submitKycDocument({ ctx, input })),
);

export const createUboDeclarationAction = accountAction(
  "uboDeclarations.create",
  CreateUboDeclarationInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await createUboDeclaration({ ctx, input })),
);

export const addUboAction = accountAction("uboDeclarations.create", AddUboInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await addUbo({ ctx, input })),
);

export const updateUboAction = accountAction("uboDeclarations.edit", UpdateUboInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await updateUbo({ ctx, input })),
);

export const submitUboDeclarationAction = accountAction(
  "uboDeclarations.edit",
  UboDeclarationIdInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await submitUboDeclaration({ ctx, input })),
);
