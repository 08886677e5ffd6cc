import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { disputeDocuments, disputes, type MangopayClient } from "@/lib/mangopay";
import type { Dispute } from "@/lib/mangopay/schemas/disputes";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, PreconditionError } from "@/lib/server/errors";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { DisputeActionInput } from "./action-schemas";
import { disputeActions, type DisputeActions } from "./allowed-actions";
import { toDisputeDocumentDTO, toDisputeDTO, type DisputeDocumentDTO, type DisputeDTO } from "./dto";

const REFUSALS: Record<keyof DisputeActions, string> = {
  contest: "This dispute cannot be contested now (its status or deadline does not allow it).",
  resubmit: "Only a reopened dispute can be submitted again, before its deadline.",
  close: "This dispute cannot be closed now.",
  documents: "Documents can be added only while the dispute waits for you, before its deadline.",
};

/** The dispute, read fresh, if its status allows `action`; otherwise a Precondition error. */
export async function disputeAllowing(
  client: MangopayClient,
  disputeId: string,
  action: keyof DisputeActions,
): Promise<DisputeDTO> {
  const dispute = toDisputeDTO(await callMangopay(() => disputes.get(client, disputeId)));
  if (!disputeActions(dispute, Date.now())[action]) throw new PreconditionError(REFUSALS[action]);
  return dispute;
}

/** One of the dispute's documents still open for pages; another dispute's document looks missing. */
export async function openDisputeDocument(
  client: MangopayClient,
  disputeId: string,
  documentId: string,
): Promise<DisputeDocumentDTO> {
  const raw = await callMangopay(() => disputeDocuments.get(client, documentId));
  if (raw.DisputeId !== disputeId) throw new NotFoundError("Dispute document not found");
  const doc = toDisputeDocumentDTO(raw);
  if (doc.status !== "CREATED")
    throw new PreconditionError("This document was already submitted; add a new document instead.");
  return doc;
}

/** The dispute named by `data` on the context's own API account, with its client, if its status allows `action`. */
export async function accountDisputeAllowing(
  ctx: AccountContext,
  data: { accountId: string; disputeId: string },
  action: keyof DisputeActions,
): Promise<{ client: MangopayClient; dispute: DisputeDTO }> {
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  return { client, dispute: await disputeAllowing(client, data.disputeId, action) };
}

/** A dispute step that takes no form fields (close, resubmit): what it asks MANGOPAY and what it records. */
type PlainDisputeStep = {
  action: "close" | "resubmit";
  /** The dispute's Status once the step is made (how the sweep tells a lost answer from a lost request). */
  settledStatus: string;
  intent: (dispute: DisputeDTO) => Prisma.InputJsonValue;
  send: (client: MangopayClient, disputeId: string) => Promise<Dispute>;
  after: (dispute: DisputeDTO) => Prisma.InputJsonValue;
};

/**
 * Runs a plain dispute step for a verb that has checked the permission: the input parsed, the dispute
 * read fresh and its status checked, then the MANGOPAY call recorded (intent, result and audit rows).
 */
export async function recordedDisputeStep(
  ctx: AccountContext,
  input: DisputeActionInput,
  step: PlainDisputeStep,
): Promise<DisputeDTO> {
  const data = parseInput(DisputeActionInput, input);
  const { client, dispute } = await accountDisputeAllowing(ctx, data, step.action);
  return recordedMangopayCall(ctx, {
    action: `dispute.${step.action}`,
    targetType: "dispute",
    targetId: dispute.id,
    before: { status: dispute.status },
    intent: step.intent(dispute),
    confirm: {
      by: "read",
      path: "/disputes/{disputeId}",
      params: { disputeId: dispute.id },
      expect: { Status: step.settledStatus },
    },
    call: () => callMangopay(async () => toDisputeDTO(await step.send(client, dispute.id))),
    result: (d) => ({ upstreamId: d.id, after: step.after(d) }),
  });
}
