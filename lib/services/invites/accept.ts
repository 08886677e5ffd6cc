import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { PublicContext } from "@/lib/server/context-types";
import { sha256 } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import {
  ConflictError,
  ForbiddenError,
  mapPrismaError,
  NotFoundError,
  parseInput,
  PreconditionError,
  ValidationError,
} from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { roleAccountPermissions } from "@/lib/server/permissions";
import { AcceptInviteInput, INVALID_INVITE, NEW_PASSWORD_MIN } from "./schemas";

export type AcceptedInvite = { userId: string; email: string; hubId: string; isNewUser: boolean };

/** The same words whether or not the email has an account: the link never tells. */
export const SIGN_IN_FIRST =
  "If you already have an account with this email, sign in with it first, then open this link again.";

/**
 * Redeems a single-use invite: a new user sets name + password; an existing user accepts only while
 * signed in as that user (sign-in applies its limits, lockout and 2FA). No password is ever checked
 * here, so the link cannot be used to guess one. Creates the membership and account access.
 */
export async function acceptInvite({
  ctx,
  input,
}: {
  ctx: PublicContext;
  input: AcceptInviteInput;
}): Promise<AcceptedInvite> {
  const data = parseInput(AcceptInviteInput, input);
  const tokenHash = sha256(data.token);
  const invite = await db.invite.findFirst({
    where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, hubId: true, email: true, role: true, accountIds: true },
  });
  if (!invite) throw new NotFoundError(INVALID_INVITE);

  const existing = await db.user.findUnique({
    where: { email: invite.email },
    select: { id: true, passwordHash: true },
  });
  let passwordHash: string | null = null;
  if (ctx.actor && ctx.actor.email !== invite.email) {
    throw new ForbiddenError(`You are signed in as ${ctx.actor.email}. Sign out, then open the link again.`);
  }
  if (existing) {
    if (ctx.actor?.id !== existing.id) throw new PreconditionError(SIGN_IN_FIRST);
  } else {
    const fieldErrors: Record<string, string[]> = {};
    if (!data.name) fieldErrors.name = ["Enter your name"];
    if (!data.password || data.password.length < NEW_PASSWORD_MIN)
      fieldErrors.password = [`Use at least ${NEW_PASSWORD_MIN} characters`];
    if (Object.keys(fieldErrors).length > 0)
      throw new ValidationError("Please correct the highlighted fields.", fieldErrors);
    passwordHash = await hashPassword(data.password ?? "");
  }

  try {
    return await db.$transaction(async (tx) => {
      // Single use, even under a double submit: only one request can flip acceptedAt.
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count !== 1) throw new NotFoundError(INVALID_INVITE);
      const user =
        existing ??
        (await tx.user.create({
          data: { email: invite.email, name: data.name ?? invite.email, passwordHash: passwordHash ?? "" },
          select: { id: true, passwordHash: true },
        }));
      const already = await tx.membership.findUnique({
        where: { hubId_userId: { hubId: invite.hubId, userId: user.id } },
        select: { id: true },
      });
      if (already) throw new ConflictError("You are already a member of this Hub.");
      const membership = await tx.membership.create({
        data: { hubId: invite.hubId, userId: user.id, role: invite.role },
        select: { id: true },
      });
      const accounts = await tx.apiAccount.findMany({
        where: { hubId: invite.hubId, id: { in: invite.accountIds } },
        select: { id: true },
      });
      const grants = roleAccountPermissions(invite.role);
      await tx.accountAccess.createMany({
        data: accounts.map((a) => ({ membershipId: membership.id, apiAccountId: a.id, grants })),
      });
      // The actor is the person joining, whether or not they were signed in.
      await writeAudit(
        tx,
        { ...ctx, actor: { id: user.id, email: invite.email } },
        {
          hubId: invite.hubId,
          action: "team.invite.accept",
          target: { type: "membership", id: membership.id },
          after: { email: invite.email, role: invite.role, accountIds: accounts.map((a) => a.id), newUser: !existing },
          metadata: { inviteId: invite.id },
        },
      );
      return { userId: user.id, email: invite.email, hubId: invite.hubId, isNewUser: !existing };
    });
  } catch (err) {
    mapPrismaError(err);
  }
}
