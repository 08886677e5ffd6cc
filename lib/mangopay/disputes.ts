// Disputes are opened by MANGOPAY (chargebacks); the platform contests, resubmits or closes them.
import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send } from "./resource";
import type { Money } from "./schemas/common";
import { Dispute } from "./schemas/disputes";

export function get(client: MangopayClient, disputeId: string, options: CallOptions = {}): Promise<Dispute> {
  return getOne(client, "/disputes/{disputeId}", { disputeId }, Dispute, "dispute", options);
}

export type DisputeFilter = "Status" | "DisputeType" | "BeforeDate" | "AfterDate";

function listBy(
  client: MangopayClient,
  path: string,
  params: Record<string, string>,
  options: ListOptions<DisputeFilter>,
): Promise<Page<Dispute>> {
  return listPage(client, { path, params, item: Dispute, itemName: "dispute" }, options);
}

export function list(client: MangopayClient, options: ListOptions<DisputeFilter> = {}) {
  return listBy(client, "/disputes", {}, options);
}

export function listByUser(client: MangopayClient, userId: string, options: ListOptions<DisputeFilter> = {}) {
  return listBy(client, "/users/{userId}/disputes", { userId }, options);
}

export function listByWallet(client: MangopayClient, walletId: string, options: ListOptions<DisputeFilter> = {}) {
  return listBy(client, "/wallets/{walletId}/disputes", { walletId }, options);
}

export function listByPayIn(client: MangopayClient, payInId: string, options: ListOptions<DisputeFilter> = {}) {
  return listBy(client, "/payins/{payInId}/disputes", { payInId }, options);
}

/** Lost disputes whose repudiation still awaits a settlement transfer. */
export function listPendingSettlement(client: MangopayClient, options: ListOptions<DisputeFilter> = {}) {
  return listBy(client, "/disputes/pendingsettlement", {}, options);
}

export function updateTag(
  client: MangopayClient,
  disputeId: string,
  tag: string,
  options: CallOptions = {},
): Promise<Dispute> {
  return send(client, "PUT", "/disputes/{disputeId}", { disputeId }, { Tag: tag }, Dispute, "dispute", options);
}

/** Contests (ContestedFunds on the first submission of a CONTESTABLE dispute) or resubmits. */
export function submit(
  client: MangopayClient,
  disputeId: string,
  input: { ContestedFunds?: Money } = {},
  options: CallOptions = {},
): Promise<Dispute> {
  return send(client, "PUT", "/disputes/{disputeId}/submit", { disputeId }, input, Dispute, "dispute", options);
}

/** Accepts the loss. */
export function close(client: MangopayClient, disputeId: string, options: CallOptions = {}): Promise<Dispute> {
  return send(client, "PUT", "/disputes/{disputeId}/close", { disputeId }, {}, Dispute, "dispute", options);
}
