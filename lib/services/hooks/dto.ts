import "server-only";
import type { Hook } from "@/lib/mangopay/schemas/events";
import { redactReceiverUrl, tokenOfUrl } from "@/lib/services/mirror/endpoint";

export type HookDTO = {
  id: string;
  eventType: string;
  /** With this app's receiver secret cut (see redactReceiverUrl). */
  url: string;
  /** Points at this app's webhook receiver: managed by "Connect webhooks", not edited by hand. */
  receiver: boolean;
  status: string;
  validity: string;
};

export const toHookDTO = (h: Hook): HookDTO => ({
  id: h.Id,
  eventType: h.EventType,
  url: redactReceiverUrl(h.Url),
  receiver: tokenOfUrl(h.Url) !== null,
  status: h.Status,
  validity: h.Validity,
});
