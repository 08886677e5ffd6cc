import type { Hook } from "@/lib/mangopay/schemas/events";

export type HookDTO = { id: string; eventType: string; url: string; status: string; validity: string };

export const toHookDTO = (h: Hook): HookDTO => ({
  id: h.Id,
  eventType: h.EventType,
  url: h.Url,
  status: h.Status,
  validity: h.Validity,
});
