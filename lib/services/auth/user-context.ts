import "server-only";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { requireActionSession, type SessionUser } from "@/lib/server/auth";
import { getRequestId, getRequestMeta, type RequestMeta } from "@/lib/server/context";
import type { Db } from "@/lib/server/db";

/**
 * Context of the signed-in person acting on their own account (profile, 2FA, password). It needs
 * no Hub membership and skips the require-2FA gate, so a member can still enroll.
 */
export type UserContext = { actor: SessionUser; request: RequestMeta; requestId: string; db?: Db };

export async function getUserActionContext(): Promise<UserContext> {
  const actor = await requireActionSession();
  return { actor, request: await getRequestMeta(), requestId: await getRequestId() };
}

/** Like `authedAction`, for actions on one's own account: session → schema → service. */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  fn: (args: { ctx: UserContext; input: z.infer<S> }) => Promise<T>,
) {
  return defineAction(() => getUserActionContext(), schema, fn);
}
