import "server-only";
import { sha256 } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import type { RoleName } from "@/lib/server/permissions";

// Deliberately no "has an account" flag: whoever holds the link (the inviter too) must not learn it.
export type InvitePreviewDTO = { email: string; hubName: string; role: RoleName };

/** What the accept page shows for a link; null for an unknown, used, revoked or expired token. */
export async function getInviteByToken({ token }: { token: string }): Promise<InvitePreviewDTO | null> {
  if (token.length < 20 || token.length > 200) return null;
  const invite = await db.invite.findFirst({
    where: { tokenHash: sha256(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true, role: true, hub: { select: { name: true } } },
  });
  if (!invite) return null;
  return { email: invite.email, hubName: invite.hub.name, role: invite.role };
}
