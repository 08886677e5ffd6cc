import "server-only";
import { z } from "zod";
import { getActionHubContext, type HubContext } from "./context";
import { ServiceError, ValidationError } from "./errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> };

/** FormData → plain object; repeated keys (checkbox groups) become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return out;
}

export function toActionError(err: unknown): ActionResult<never> {
  if (err instanceof ValidationError) return { ok: false, code: err.code, error: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof ServiceError) return { ok: false, code: err.code, error: err.message };
  console.error("[action] unexpected error", err);
  return { ok: false, code: "INTERNAL", error: "Something went wrong. Nothing was changed; please try again." };
}

/**
 * The one way to build a server action: session → Hub context → schema → service. Every action is a
 * public POST endpoint, so nothing here trusts the caller beyond what the schema accepts.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  fn: (args: { ctx: HubContext; input: z.infer<S> }) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | null, payload: FormData | z.input<S>): Promise<ActionResult<T>> => {
    try {
      const ctx = await getActionHubContext();
      const raw = payload instanceof FormData ? formDataToObject(payload) : payload;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const k = issue.path.join(".") || "_";
          (fieldErrors[k] ??= []).push(issue.message);
        }
        return { ok: false, code: "VALIDATION", error: "Please correct the highlighted fields.", fieldErrors };
      }
      return { ok: true, data: await fn({ ctx, input: parsed.data }) };
    } catch (err) {
      return toActionError(err);
    }
  };
}
