import "server-only";
import { db } from "@/lib/server/db";
import type { UserContext } from "@/lib/server/context";
import { writeUserAudit } from "./audit-user";

/** Ends every session of the user, this one included: JWTs carrying the old sessionVersion are refused. */
export async function signOutEverywhere({ ctx }: { ctx: UserContext }): Promise<{ sessionVersion: number }> {
  return (ctx.db ?? db).$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: ctx.actor.id },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await writeUserAudit(tx, ctx.actor.id, {
      action: "auth.sign_out_everywhere",
      actor: { userId: ctx.actor.id, email: ctx.actor.email },
      target: { type: "user", id: ctx.actor.id },
      request: ctx.request,
      metadata: { sessionVersion: user.sessionVersion },
    });
    return { sessionVersion: user.sessionVersion };
  });
}
