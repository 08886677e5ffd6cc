import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getActionAccountContext } from "./account-context";
import { getSessionUser, requireActionSession } from "./auth";
import { getActionHubContext, getRequestId, getRequestMeta } from "./context";
import type { AccountContext, HubContext, PublicContext, UserContext } from "./context-types";
import { logActionError } from "./error-log";
import { assertNoControlCharacters, fieldErrorsOf, ServiceError, ValidationError } from "./errors";
import { assertCan, type Permission } from "./permissions";
import { REQUEST_ID_HEADER } from "./request-context";

// The one family of server actions. Every action under app/ is
//   export const <verb><Entity>Action = hubAction("<permission>", Schema, ({ ctx, input }) => service({ ctx, input }));
// (or userAction / accountAction / publicAction), and nothing else: the context step differs, parsing,
// error mapping and the result shape are shared by `defineAction`.

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> };

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
  if (err instanceof ValidationError)
    return { ok: false, code: err.code, error: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof ServiceError) return { ok: false, code: err.code, error: err.message };
  const errorId = randomUUID();
  logUnexpectedActionError(err, errorId);
  return {
    ok: false,
    code: "INTERNAL",
    error: `Something went wrong. Nothing was changed; please try again. If it keeps failing, quote this id: ${errorId}`,
  };
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

export type ActionPayload<S extends z.ZodType> = FormData | z.input<S>;

export type ActionOptions = {
  /** Reported instead of the field errors when the payload does not parse (public endpoints say less). */
  invalidInput?: ServiceError;
};

/**
 * The one way to build a server action: resolve the caller's context (session, tenancy and
 * permission checks happen there, before the payload is trusted) → schema → service. Every action is
 * a public POST endpoint, so nothing here trusts the caller beyond what the schema accepts. Next's
 * redirect()/notFound() thrown by `fn` pass through.
 */
export function defineAction<C, S extends z.ZodType, T>(
  resolveContext: (raw: unknown) => Promise<C>,
  schema: S,
  fn: (args: { ctx: C; input: z.infer<S> }) => Promise<T>,
  options: ActionOptions = {},
) {
  return async (_prev: ActionResult<T> | null, payload: ActionPayload<S>): Promise<ActionResult<T>> => {
    try {
      const raw: unknown = payload instanceof FormData ? formDataToObject(payload) : payload;
      const ctx = await resolveContext(raw);
      assertNoControlCharacters(raw);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        if (options.invalidInput) return toActionError(options.invalidInput);
        return {
          ok: false,
          code: "VALIDATION",
          error: "Please correct the highlighted fields.",
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      return { ok: true, data: await fn({ ctx, input: parsed.data }) };
    } catch (err) {
      unstable_rethrow(err);
      return toActionError(err);
    }
  };
}

/** Anyone, signed in or not (invite acceptance): the payload itself is the credential. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  fn: (args: { ctx: PublicContext; input: z.infer<S> }) => Promise<T>,
  options?: ActionOptions,
) {
  return defineAction(
    async (): Promise<PublicContext> => {
      const [actor, request, requestId] = await Promise.all([getSessionUser(), getRequestMeta(), getRequestId()]);
      return { actor, request, requestId };
    },
    schema,
    fn,
    options,
  );
}

/**
 * The signed-in person acting on their own account (profile, 2FA, password, Hub switch). Needs no Hub
 * membership and skips the require-2FA gate, so a member can still enroll.
 */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  fn: (args: { ctx: UserContext; input: z.infer<S> }) => Promise<T>,
) {
  return defineAction(
    async (): Promise<UserContext> => {
      const actor = await requireActionSession();
      return { actor, request: await getRequestMeta(), requestId: await getRequestId() };
    },
    schema,
    fn,
  );
}

/** A context step followed by the permission check, before the payload is even parsed. */
function withPermission<C extends HubContext>(resolve: (raw: unknown) => Promise<C>, permission: Permission | null) {
  return async (raw: unknown): Promise<C> => {
    const ctx = await resolve(raw);
    if (permission !== null) assertCan(ctx, permission);
    return ctx;
  };
}

/**
 * Hub-level server action: session → Hub → permission (so the route matrix sees 403 for every role
 * without it) → schema → service (which checks again).
 */
export function hubAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  fn: (args: { ctx: HubContext; input: z.infer<S> }) => Promise<T>,
) {
  return defineAction(
    withPermission(() => getActionHubContext(), permission),
    schema,
    fn,
  );
}

/**
 * Account-level server action: the payload's `accountId` must be accessible (else NOT_FOUND). A null
 * permission admits every member with access to the account (sharing feedback from its dashboard).
 */
export function accountAction<S extends z.ZodType, T>(
  permission: Permission | null,
  schema: S,
  fn: (args: { ctx: AccountContext; input: z.infer<S> }) => Promise<T>,
) {
  const accountIdOf = (raw: unknown) =>
    typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).accountId : undefined;
  return defineAction(
    withPermission((raw) => getActionAccountContext(accountIdOf(raw)), permission),
    schema,
    fn,
  );
}
