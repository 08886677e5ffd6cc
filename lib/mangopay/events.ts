import type { MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { Event } from "./schemas/events";

export type EventFilter = "EventType" | "BeforeDate" | "AfterDate";

/** MANGOPAY keeps events 45 days; older AfterDate values are refused with param_error. */
export function list(client: MangopayClient, options: ListOptions<EventFilter> = {}): Promise<Page<Event>> {
  return listPage(client, { path: "/events", item: Event, itemName: "event" }, options);
}
