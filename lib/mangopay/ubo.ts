import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import type { Address } from "./schemas/common";
import { Ubo, UboDeclaration } from "./schemas/kyc";

export function createDeclaration(
  client: MangopayClient,
  userId: string,
  options: WriteOptions = {},
): Promise<UboDeclaration> {
  return send(
    client,
    "POST",
    "/users/{userId}/kyc/ubodeclarations",
    { userId },
    undefined,
    UboDeclaration,
    "UBO declaration",
    options,
  );
}

export function getDeclaration(
  client: MangopayClient,
  declarationId: string,
  options: CallOptions = {},
): Promise<UboDeclaration> {
  return getOne(
    client,
    "/kyc/ubodeclarations/{declarationId}",
    { declarationId },
    UboDeclaration,
    "UBO declaration",
    options,
  );
}

export function listDeclarationsByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions = {},
): Promise<Page<UboDeclaration>> {
  return listPage(
    client,
    {
      path: "/users/{userId}/kyc/ubodeclarations",
      params: { userId },
      item: UboDeclaration,
      itemName: "UBO declaration",
    },
    options,
  );
}

/** Submits the declaration for review (Status VALIDATION_ASKED). */
export function submitDeclaration(
  client: MangopayClient,
  userId: string,
  declarationId: string,
  options: CallOptions = {},
): Promise<UboDeclaration> {
  return send(
    client,
    "PUT",
    "/users/{userId}/kyc/ubodeclarations/{declarationId}",
    { userId, declarationId },
    { Status: "VALIDATION_ASKED" },
    UboDeclaration,
    "UBO declaration",
    options,
  );
}

export interface UboInput {
  FirstName: string;
  LastName: string;
  /** Unix seconds. */
  Birthday: number;
  Nationality: string;
  Address: Address;
  Birthplace: { City: string; Country: string };
  IsActive?: boolean;
}

export function createUbo(
  client: MangopayClient,
  userId: string,
  declarationId: string,
  input: UboInput,
  options: WriteOptions = {},
): Promise<Ubo> {
  return send(
    client,
    "POST",
    "/users/{userId}/kyc/ubodeclarations/{declarationId}/ubos",
    { userId, declarationId },
    input,
    Ubo,
    "UBO",
    options,
  );
}

export function updateUbo(
  client: MangopayClient,
  userId: string,
  declarationId: string,
  uboId: string,
  input: Partial<UboInput>,
  options: CallOptions = {},
): Promise<Ubo> {
  return send(
    client,
    "PUT",
    "/users/{userId}/kyc/ubodeclarations/{declarationId}/ubos/{uboId}",
    { userId, declarationId, uboId },
    input,
    Ubo,
    "UBO",
    options,
  );
}

export function getUbo(
  client: MangopayClient,
  userId: string,
  declarationId: string,
  uboId: string,
  options: CallOptions = {},
): Promise<Ubo> {
  return getOne(
    client,
    "/users/{userId}/kyc/ubodeclarations/{declarationId}/ubos/{uboId}",
    { userId, declarationId, uboId },
    Ubo,
    "UBO",
    options,
  );
}
