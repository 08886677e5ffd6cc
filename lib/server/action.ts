import "server-only";
import { z } from "zod";
import { getActionHubContext, type HubContext } from "./context";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { logActionError } from "./error-log";
import { ServiceError, ValidationError } from "./errors";
import { REQUEST_ID_HEADER } from "./request-context";

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
  const errorId = randomUUID();
  logUnexpectedActionError(err, errorId);
  return { ok: false, code: "INTERNAL", error: `Something went wrong. Nothing was changed; please try again. If it keeps failing, quote this id: ${errorId}` };
}

/** One error line with the id shown to the user and the request's id (read from its headers). */
function logUnexpectedActionError(err: unknown, errorId: string): void {
  let requestId: Promise<string | null>;
  try {
    requestId = headers().then((h) => h.get(REQUEST_ID_HEADER));
  } catch {
    requestId = Promise.resolve(null); // outside a request (tests, scripts)
  }
  void requestId.catch(() => null).then((id) => logActionError(err, errorId, id));
}

/** Zod issues → `{ "field.path": ["message", …] }` for forms. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

export type ActionPayload<S extends z.ZodType> = FormData | z.input<S>;

/**
 * The one way to build a server action: resolve the caller's context (session, tenancy and
 * permission checks happen there, before the payload is trusted) → schema → service. Every action is
 * a public POST endpoint, so nothing here trusts the caller beyond what the schema accepts.
 */
export function defineAction<C, S extends z.ZodType, T>(
  resolveContext: (raw: unknown) => Promise<C>,
  schema: S,
  fn: (args: { ctx: C; input: z.infer<S> }) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | null, payload: ActionPayload<S>): Promise<ActionResult<T>> => {
    try {
      const raw: unknown = payload instanceof FormData ? formDataToObject(payload) : payload;
      const ctx = await resolveContext(raw);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, code: "VALIDATION", error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      return { ok: true, data: await fn({ ctx, input: parsed.data }) };
    } catch (err) {
      return toActionError(err);
    }
  };
}

/** A Hub-scoped action whose service does its own permission check. */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  fn: (args: { ctx: HubContext; input: z.infer<S> }) => Promise<T>,
) {
  return defineAction(() => getActionHubContext(), schema, fn);
}
