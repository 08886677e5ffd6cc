import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import { Hook } from "./schemas/events";

export function list(client: MangopayClient, options: ListOptions = {}): Promise<Page<Hook>> {
  return listPage(client, { path: "/hooks", item: Hook, itemName: "hook" }, options);
}

export function get(client: MangopayClient, hookId: string, options: CallOptions = {}): Promise<Hook> {
  return getOne(client, "/hooks/{hookId}", { hookId }, Hook, "hook", options);
}

/** One hook per EventType. */
export function create(
  client: MangopayClient,
  input: { EventType: string; Url: string; Tag?: string },
  options: WriteOptions = {},
): Promise<Hook> {
  return send(client, "POST", "/hooks", {}, input, Hook, "hook", options);
}

export function update(
  client: MangopayClient,
  hookId: string,
  input: { Url?: string; Status?: "ENABLED" | "DISABLED"; Tag?: string },
  options: CallOptions = {},
): Promise<Hook> {
  return send(client, "PUT", "/hooks/{hookId}", { hookId }, input, Hook, "hook", options);
}
