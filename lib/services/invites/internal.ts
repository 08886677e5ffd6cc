import "server-only";
import { emailConfigured, sendInviteEmail } from "@/lib/email/send-invite";
import type { HubContext } from "@/lib/server/context-types";
import { randomToken, sha256 } from "@/lib/server/crypto";
import { env } from "@/lib/server/env";
import { ROLE_LABELS, type RoleName } from "@/lib/server/permissions";
import { INVITE_TTL_MS } from "./schemas";

export type InviteDelivery = {
  inviteId: string;
  email: string;
  emailed: boolean;
  /** Only when no email went out: the one-time path to hand over (shown once, never stored). */
  invitePath: string | null;
  emailError: string | null;
};

export function newInviteToken(now = Date.now()): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomToken();
  return { token, tokenHash: sha256(token), expiresAt: new Date(now + INVITE_TTL_MS) };
}

/** Sends the link by SMTP when configured; otherwise returns it for the inviter (and logs it in dev). */
export async function deliverInvite(
  ctx: HubContext,
  invite: { id: string; email: string; role: RoleName; expiresAt: Date },
  token: string,
): Promise<InviteDelivery> {
  const invitePath = `/invite/${token}`;
  if (emailConfigured()) {
    try {
      await sendInviteEmail({
        to: invite.email,
        hubName: ctx.hub.name,
        inviterName: ctx.actor.name || ctx.actor.email,
        roleLabel: ROLE_LABELS[invite.role],
        link: new URL(invitePath, env().APP_URL).toString(),
        expiresAt: invite.expiresAt,
      });
      return { inviteId: invite.id, email: invite.email, emailed: true, invitePath: null, emailError: null };
    } catch (err) {
      console.warn("[invites] email delivery failed", {
        inviteId: invite.id,
        error: err instanceof Error ? err.message : "unknown",
      });
      return {
        inviteId: invite.id,
        email: invite.email,
        emailed: false,
        invitePath,
        emailError: "The email could not be sent.",
      };
    }
  }
  if (env().NODE_ENV !== "production")
    console.info(`[invites] no SMTP configured; invite link for ${invite.email}: ${invitePath}`);
  return { inviteId: invite.id, email: invite.email, emailed: false, invitePath, emailError: null };
}
