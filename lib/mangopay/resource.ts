// Shared plumbing for the resource files: call, then parse with the resource's zod schema.
import { z } from "zod";
import type { CallOptions, MangopayClient } from "./client";
import type { ApiVersion, QueryInput } from "./http";
import { parseOrThrow } from "./schemas/common";

export type ScaContext = "USER_PRESENT" | "USER_NOT_PRESENT";

export interface ScaReadOptions extends CallOptions {
  /**
   * Sent on the four SCA-scoped reads (wallet, user wallets, user and wallet transactions).
   * The dashboard acts for absent OWNER users, hence USER_NOT_PRESENT by default (docs/mangopay-api.md §2.8);
   * PAYER users ignore it. Pass null to omit.
   */
  scaContext?: ScaContext | null;
}

export function scaQuery(options: ScaReadOptions): QueryInput {
  const context = options.scaContext === undefined ? "USER_NOT_PRESENT" : options.scaContext;
  return context ? { ScaContext: context } : {};
}

/** Creating something that moves money: the caller owns the key (stored with its intent row). */
export interface MoneyActionOptions extends CallOptions {
  idempotencyKey: string;
  /** Set when re-sending a stored intent: a 409 then returns the earlier call's stored outcome. */
  recoverOnConflict?: boolean;
}

/** Other creations: a key is generated when none is given. */
export interface WriteOptions extends CallOptions {
  idempotencyKey?: string;
  recoverOnConflict?: boolean;
}

function callOptions(options: CallOptions): CallOptions {
  return {
    priority: options.priority,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    deadlineMs: options.deadlineMs,
  };
}

export async function getOne<S extends z.ZodType>(
  client: MangopayClient,
  path: string,
  params: Record<string, string>,
  schema: S,
  name: string,
  options: CallOptions & { query?: QueryInput; version?: ApiVersion } = {},
): Promise<z.output<S>> {
  const response = await client.request({
    method: "GET",
    path,
    params,
    query: options.query,
    version: options.version,
    ...callOptions(options),
  });
  return parseOrThrow(schema, response.body, name);
}

export async function send<S extends z.ZodType>(
  client: MangopayClient,
  method: "POST" | "PUT",
  path: string,
  params: Record<string, string>,
  body: unknown,
  schema: S,
  name: string,
  options: WriteOptions = {},
): Promise<z.output<S>> {
  const response = await client.request({
    method,
    path,
    params,
    body,
    idempotencyKey: method === "POST" ? options.idempotencyKey : undefined,
    recoverOnConflict: options.recoverOnConflict,
    ...callOptions(options),
  });
  return parseOrThrow(schema, response.body, name);
}

/** Calls answered with 204 (document pages, user closure). */
export async function sendNoContent(
  client: MangopayClient,
  method: "POST" | "PUT" | "DELETE",
  path: string,
  params: Record<string, string>,
  body: unknown,
  options: WriteOptions = {},
): Promise<void> {
  await client.request({
    method,
    path,
    params,
    body,
    idempotencyKey: method === "POST" ? options.idempotencyKey : undefined,
    ...callOptions(options),
  });
}

export const arrayOf = <S extends z.ZodType>(schema: S) => z.array(schema);
