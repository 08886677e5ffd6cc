// Shared by the control endpoints that act on one client's data: find the client named in the
// path, read the optional JSON body, run the domain function, render ApiErrors with their status.
import type { Context } from "hono";
import type { Emulator } from "../core/emulator";
import { ApiError } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import { readJson } from "./read-json";

export type Body = Record<string, unknown>;

/** Runs `fn` against the client named in the path; ApiErrors keep their HTTP status and body. */
export async function withStore(
  c: Context,
  emu: Emulator,
  fn: (store: ClientStore, body: Body, now: number) => unknown,
): Promise<Response> {
  const store = emu.client(c.req.param("clientId") ?? "");
  if (!store) return c.json({ error: "not_found", message: "unknown ClientId" }, 404);
  const body = await readJson(c.req.raw);
  if (!body) return c.json({ error: "param_error", errors: { body: "expected a JSON object" } }, 400);
  try {
    return c.json(fn(store, body, emu.clock.now()) as object);
  } catch (err) {
    if (err instanceof ApiError)
      return new Response(JSON.stringify(err.toBody(emu.clock.now())), {
        status: err.status,
        headers: { "content-type": "application/json" },
      });
    throw err;
  }
}

/** One of `values` (case-insensitive), undefined when absent; anything else → 400 param_error. */
export function pick<T extends string>(values: readonly T[], raw: unknown, field: string): T | undefined {
  if (raw === undefined || raw === null) return undefined;
  const match = values.find((v) => typeof raw === "string" && v === raw.toUpperCase());
  if (!match)
    throw new ApiError(400, "param_error", `${field} must be one of ${values.join(", ")}`, { [field]: String(raw) });
  return match;
}
