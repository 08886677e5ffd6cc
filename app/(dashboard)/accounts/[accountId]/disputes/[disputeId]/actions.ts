"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import {
  AddDisputePageInput,
  ContestDisputeInput,
  CreateDisputeDocumentInput,
  DisputeActionInput,
  SubmitDisputeDocumentInput,
} from "@/lib/services/disputes/action-schemas";
import { addDisputeDocumentPage } from "@/lib/services/disputes/add-document-page";
import { closeDispute } from "@/lib/services/disputes/close";
import { contestDispute } from "@/lib/services/disputes/contest";
import { createDisputeDocument } from "@/lib/services/disputes/create-document";
import { resubmitDispute } from "@/lib/services/disputes/resubmit";
import { submitDisputeDocument } from "@/lib/services/disputes/submit-document";

const refresh = <T>(accountId: string, value: T): T => {
  revalidatePath(`/accounts/${accountId}/disputes`, "layout");
  return value;
};

export const contestDisputeAction = accountAction("disputes.edit", ContestDisputeInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await contestDispute({ ctx, input })),
);

export const resubmitDisputeAction = accountAction("disputes.edit", DisputeActionInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await resubmitDispute({ ctx, input })),
);

export const closeDisputeAction = accountAction("disputes.edit", DisputeActionInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await closeDispute({ ctx, input })),
);

export const createDisputeDocumentAction = accountAction(
  "disputes.edit",
  CreateDisputeDocumentInput,
  async ({ ctx, input }) => createDisputeDocument({ ctx, input }),
);

export const addDisputeDocumentPageAction = accountAction(
  "disputes.edit",
  AddDisputePageInput,
  async ({ ctx, input }) => addDisputeDocumentPage({ ctx, input }),
);

export const submitDisputeDocumentAction = accountAction(
  "disputes.edit",
  SubmitDisputeDocumentInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await submitDisputeDocument({ ctx, input })),
);
