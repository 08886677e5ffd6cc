import "server-only";
import { db } from "@/lib/server/db";
import { writeUserAudit } from "./audit-user";

/**
 * Sign-out: the session id is refused from now on (a copied cookie stops working), until the JWT
 * would have expired anyway. Expired revocations are dropped on the way.
 */
export async function revokeSession({
  userId,
  sid,
  expiresAt,
  request = null,
}: {
  userId: string;
  sid: string;
  expiresAt: Date;
  request?: { ip: string | null; userAgent: string | null } | null;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return;
    await tx.revokedSession.upsert({
      where: { sid },
      create: { sid, userId, expiresAt },
      update: {},
      select: { sid: true },
    });
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await writeUserAudit(
      tx,
      { actor: { id: userId, email: user.email }, request },
      { action: "auth.sign_out", metadata: { sessionId: sid } },
    );
  });
}

export async function isSessionRevoked(sid: string): Promise<boolean> {
  return (await db.revokedSession.count({ where: { sid } })) > 0;
}
