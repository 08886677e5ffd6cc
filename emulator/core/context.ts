// What a route handler receives and returns. Handlers are synchronous functions over the store.
import type { HttpBindings } from "@hono/node-server";
import type { Emulator } from "./emulator";
import type { Query } from "./query";
import type { ClientStore } from "../store/client-store";

/** Hono environment of the emulator app: Node bindings (raw request/response for faults). */
export type AppEnv = { Bindings: HttpBindings };

export interface ApiContext {
  emu: Emulator;
  store: ClientStore;
  method: string;
  /** Path after /v2.01/{ClientId}, as sent (used for Link headers). */
  path: string;
  params: Record<string, string>;
  query: Query;
  /** The raw query string without '?', kept for Link headers. */
  rawQuery: string;
  body: Record<string, unknown>;
  /** e.g. http://127.0.0.1:4010 — used for URLs the emulator serves itself (tokenizer, 3DS page). */
  origin: string;
  now: number;
}

export interface ApiResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown, status = 200): ApiResult {
  return { status, body };
}

export function noContent(): ApiResult {
  return { status: 204, body: null };
}
