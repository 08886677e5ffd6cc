import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import type { BrowserInfo } from "./payins";
import { getOne, send, type MoneyActionOptions } from "./resource";
import { PreAuthorization } from "./schemas/cards";
import type { Money } from "./schemas/common";

export function get(
  client: MangopayClient,
  preauthorizationId: string,
  options: CallOptions = {},
): Promise<PreAuthorization> {
  return getOne(
    client,
    "/preauthorizations/{preauthorizationId}",
    { preauthorizationId },
    PreAuthorization,
    "preauthorization",
    options,
  );
}

export interface CreatePreAuthorizationInput {
  AuthorId: string;
  DebitedFunds: Money;
  CardId: string;
  SecureModeReturnURL: string;
  SecureMode?: "DEFAULT" | "FORCE" | "NO_CHOICE";
  BrowserInfo?: BrowserInfo;
  IpAddress?: string;
  MultiCapture?: boolean;
  Tag?: string;
}

export function create(
  client: MangopayClient,
  input: CreatePreAuthorizationInput,
  options: MoneyActionOptions,
): Promise<PreAuthorization> {
  return send(
    client,
    "POST",
    "/preauthorizations/card/direct",
    {},
    input,
    PreAuthorization,
    "preauthorization",
    options,
  );
}

/** Releases the held funds (PaymentStatus CANCELED). */
export function cancel(
  client: MangopayClient,
  preauthorizationId: string,
  options: CallOptions = {},
): Promise<PreAuthorization> {
  return send(
    client,
    "PUT",
    "/preauthorizations/{preauthorizationId}",
    { preauthorizationId },
    { PaymentStatus: "CANCELED" },
    PreAuthorization,
    "preauthorization",
    options,
  );
}

export type PreAuthorizationFilter = "Status" | "ResultCode" | "PaymentStatus";

export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions<PreAuthorizationFilter> = {},
): Promise<Page<PreAuthorization>> {
  return listPage(
    client,
    {
      path: "/users/{userId}/preauthorizations",
      params: { userId },
      item: PreAuthorization,
      itemName: "preauthorization",
    },
    options,
  );
}

export function listByCard(
  client: MangopayClient,
  cardId: string,
  options: ListOptions<PreAuthorizationFilter> = {},
): Promise<Page<PreAuthorization>> {
  return listPage(
    client,
    {
      path: "/cards/{cardId}/preauthorizations",
      params: { cardId },
      item: PreAuthorization,
      itemName: "preauthorization",
    },
    options,
  );
}
