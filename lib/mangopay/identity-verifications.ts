// Identity verification sessions: create one for a user (send the user to HostedUrl), read its outcome.
import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import { IdentityVerification } from "./schemas/identity-verification";

export function create(
  client: MangopayClient,
  userId: string,
  input: { ReturnUrl: string; Tag?: string },
  options: WriteOptions = {},
): Promise<IdentityVerification> {
  return send(
    client,
    "POST",
    "/users/{userId}/identity-verifications",
    { userId },
    input,
    IdentityVerification,
    "identity verification",
    options,
  );
}

export function get(
  client: MangopayClient,
  sessionId: string,
  options: CallOptions = {},
): Promise<IdentityVerification> {
  return getOne(
    client,
    "/identity-verifications/{sessionId}",
    { sessionId },
    IdentityVerification,
    "identity verification",
    options,
  );
}

export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions<"Status"> = {},
): Promise<Page<IdentityVerification>> {
  return listPage(
    client,
    {
      path: "/users/{userId}/identity-verifications",
      params: { userId },
      item: IdentityVerification,
      itemName: "identity verification",
    },
    options,
  );
}
