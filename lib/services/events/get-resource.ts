import "server-only";
import {
  disputeDocuments,
  disputes,
  kycDocuments,
  mandates,
  payInIntents,
  payins,
  payouts,
  preauthorizations,
  recipients,
  refunds,
  reports,
  repudiations,
  transfers,
  ubo,
  users,
  type MangopayClient,
} from "@/lib/mangopay";
import { eventResource, type EventResource } from "@/lib/mangopay/event-types";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan, can, type AccountPermission } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";
import type { TransactionKind } from "@/lib/services/transactions/schemas";
import { toResourceFields, type ResourceField } from "./dto";
import { GetEventResourceInput } from "./schemas";

type Readable = Exclude<EventResource, null | "card">;

/** What a member must hold to see each kind of resource behind an event. */
const READ_PERMISSION: Record<Readable, AccountPermission> = {
  user: "users.read",
  kycDocument: "kycDocuments.read",
  uboDeclaration: "uboDeclarations.read",
  payIn: "transactions.read",
  payOut: "transactions.read",
  transfer: "transactions.read",
  refund: "transactions.read",
  repudiation: "transactions.read",
  settlement: "transactions.read",
  dispute: "disputes.read",
  disputeDocument: "disputes.read",
  mandate: "mandates.read",
  preauthorization: "preauthorizations.read",
  report: "reporting.read",
  recipient: "bankAccounts.read",
  payInIntent: "payins.read",
};

const TRANSACTION_KIND: Partial<Record<Readable, TransactionKind>> = {
  payIn: "PAYIN",
  payOut: "PAYOUT",
  transfer: "TRANSFER",
  refund: "REFUND",
  repudiation: "REPUDIATION",
  settlement: "SETTLEMENT",
};

function fetchResource(client: MangopayClient, kind: Readable, id: string): Promise<Record<string, unknown>> {
  switch (kind) {
    case "user":
      return users.get(client, id);
    case "kycDocument":
      return kycDocuments.get(client, id);
    case "uboDeclaration":
      return ubo.getDeclaration(client, id);
    case "payIn":
      return payins.get(client, id);
    case "payOut":
      return payouts.get(client, id);
    case "transfer":
      return transfers.get(client, id);
    case "refund":
      return refunds.get(client, id);
    case "repudiation":
      return repudiations.get(client, id);
    case "settlement":
      return repudiations.getSettlement(client, id);
    case "dispute":
      return disputes.get(client, id);
    case "disputeDocument":
      return disputeDocuments.get(client, id);
    case "mandate":
      return mandates.get(client, id);
    case "preauthorization":
      return preauthorizations.get(client, id);
    case "report":
      return reports.get(client, id);
    case "recipient":
      return recipients.get(client, id);
    case "payInIntent":
      return payInIntents.get(client, id);
  }
}

export type EventResourceDTO =
  | { state: "unsupported"; resource: EventResource }
  | { state: "forbidden"; resource: Readable; permission: AccountPermission }
  | {
      state: "loaded";
      resource: Readable;
      id: string;
      transactionKind: TransactionKind | null;
      userId: string | null;
      fields: ResourceField[];
    };

/**
 * The object an event points at, loaded in full. Events only carry an id: the event type says what
 * it identifies. The member needs Events and the resource's own read permission.
 */
export async function getEventResource({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: GetEventResourceInput;
}): Promise<EventResourceDTO> {
  assertCan(ctx, "events.read");
  const { resourceId, eventType } = parseInput(GetEventResourceInput, input);
  const resource = eventResource(eventType);
  if (resource === null || resource === "card") return { state: "unsupported", resource };
  const permission = READ_PERMISSION[resource];
  if (!can(ctx, permission)) return { state: "forbidden", resource, permission };
  const obj = await readMangopay(ctx, `event-resource:${resource}:${resourceId}`, (client) =>
    fetchResource(client, resource, resourceId),
  );
  const userId =
    typeof obj.UserId === "string"
      ? obj.UserId
      : typeof obj.AuthorId === "string"
        ? obj.AuthorId
        : resource === "user"
          ? resourceId
          : null;
  return {
    state: "loaded",
    resource,
    id: resourceId,
    transactionKind: TRANSACTION_KIND[resource] ?? null,
    userId,
    fields: toResourceFields(obj),
  };
}
