import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type MoneyActionOptions } from "./resource";
import type { Money } from "./schemas/common";
import { Refund } from "./schemas/transactions";

export function get(client: MangopayClient, refundId: string, options: CallOptions = {}): Promise<Refund> {
  return getOne(client, "/refunds/{refundId}", { refundId }, Refund, "refund", options);
}

export interface CreateRefundInput {
  AuthorId: string;
  /** Omit both amounts for a full refund including fees. */
  DebitedFunds?: Money;
  /** Negative to give the platform's fees back (a positive value takes more fees). */
  Fees?: Money;
  Tag?: string;
  StatementDescriptor?: string;
}

export function createForPayIn(
  client: MangopayClient,
  payInId: string,
  input: CreateRefundInput,
  options: MoneyActionOptions,
): Promise<Refund> {
  return send(client, "POST", "/payins/{payInId}/refunds", { payInId }, input, Refund, "refund", options);
}

export function createForTransfer(
  client: MangopayClient,
  transferId: string,
  input: Omit<CreateRefundInput, "StatementDescriptor">,
  options: MoneyActionOptions,
): Promise<Refund> {
  return send(client, "POST", "/transfers/{transferId}/refunds", { transferId }, input, Refund, "refund", options);
}

export type RefundFilter = "Status" | "ResultCode";

function listBy(
  client: MangopayClient,
  path: string,
  params: Record<string, string>,
  options: ListOptions<RefundFilter>,
): Promise<Page<Refund>> {
  return listPage(client, { path, params, item: Refund, itemName: "refund" }, options);
}

export function listByPayIn(client: MangopayClient, payInId: string, options: ListOptions<RefundFilter> = {}) {
  return listBy(client, "/payins/{payInId}/refunds", { payInId }, options);
}

export function listByTransfer(client: MangopayClient, transferId: string, options: ListOptions<RefundFilter> = {}) {
  return listBy(client, "/transfers/{transferId}/refunds", { transferId }, options);
}

/** Bank returns of a payout (the payout itself stays SUCCEEDED). */
export function listByPayOut(client: MangopayClient, payOutId: string, options: ListOptions<RefundFilter> = {}) {
  return listBy(client, "/payouts/{payOutId}/refunds", { payOutId }, options);
}

export function listByRepudiation(
  client: MangopayClient,
  repudiationId: string,
  options: ListOptions<RefundFilter> = {},
) {
  return listBy(client, "/repudiations/{repudiationId}/refunds", { repudiationId }, options);
}
