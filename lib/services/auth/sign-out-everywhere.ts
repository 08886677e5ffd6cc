import "server-only";
import type { UserContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { writeUserAudit } from "./audit-user";

/** Ends every session of the user, this one included: JWTs carrying the old sessionVersion are refused. */
export async function signOutEverywhere({ ctx }: { ctx: UserContext }): Promise<{ sessionVersion: number }> {
  return (ctx.db ?? db).$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: ctx.actor.id },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await writeUserAudit(tx, ctx, {
      action: "auth.sign_out_everywhere",
      target: { type: "user", id: ctx.actor.id },
      metadata: { sessionVersion: user.sessionVersion },
    });
    return { sessionVersion: user.sessionVersion };
  });
}
