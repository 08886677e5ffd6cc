import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";

export const SelectHubInput = z.object({ hubId: z.string().min(1).max(64) });

/** Checks that the person is a member of the Hub they want to switch to; a foreign id is NotFound. */
export async function selectHub({
  ctx,
  input,
}: {
  ctx: { actor: SessionUser };
  input: unknown;
}): Promise<{ hubId: string }> {
  const { hubId } = SelectHubInput.parse(input);
  const membership = await db.membership.findUnique({
    where: { hubId_userId: { hubId, userId: ctx.actor.id } },
    select: { hubId: true },
  });
  if (!membership) throw new NotFoundError("Hub not found");
  return { hubId: membership.hubId };
}
