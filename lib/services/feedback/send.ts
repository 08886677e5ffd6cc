import "server-only";
import { emailConfigured } from "@/lib/email/send-invite";
import { sendFeedbackEmail } from "@/lib/email/send-feedback";
import { writeAudit } from "@/lib/server/audit";
import type { AccountSummary, HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { SendFeedbackInput } from "./schemas";

export type SentFeedbackDTO = { id: string; mailed: boolean };

/**
 * Stores a member's feedback with the page and API account it came from (audited), then forwards it
 * to the Hub's Owners when SMTP is configured. A mail failure keeps the stored message: Owners still
 * see it in the Hub, and the member is not asked to write it again.
 */
export async function sendFeedback({
  ctx,
  input,
}: {
  ctx: HubContext & { account?: AccountSummary };
  input: SendFeedbackInput;
}): Promise<SentFeedbackDTO> {
  const data = parseInput(SendFeedbackInput, input);
  // Sent from an account's dashboard: that account (checked by the action's context), never another.
  if (data.accountId !== undefined && data.accountId !== ctx.account?.id)
    throw new NotFoundError("API account not found");
  const apiAccountId = ctx.account?.id ?? null;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.feedback.create({
      data: { hubId: ctx.hub.id, apiAccountId, userId: ctx.actor.id, message: data.message, page: data.page ?? null },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      action: "feedback.create",
      target: { type: "feedback", id: created.id },
      after: { page: data.page ?? null, chars: data.message.length },
    });
    return created;
  });
  if (!emailConfigured()) return { id: row.id, mailed: false };
  try {
    const owners = await db.membership.findMany({
      where: { hubId: ctx.hub.id, role: "OWNER" },
      select: { user: { select: { email: true } } },
    });
    await sendFeedbackEmail({
      to: owners.map((o) => o.user.email),
      hubName: ctx.hub.name,
      fromName: ctx.actor.name,
      fromEmail: ctx.actor.email,
      accountName: ctx.account?.name ?? null,
      page: data.page ?? null,
      message: data.message,
    });
    await db.$transaction(async (tx) => {
      await tx.feedback.update({ where: { id: row.id }, data: { mailedAt: new Date() }, select: { id: true } });
      await writeAudit(tx, ctx, {
        action: "feedback.mailed",
        target: { type: "feedback", id: row.id },
        metadata: { recipients: owners.length },
      });
    });
    return { id: row.id, mailed: true };
  } catch (err) {
    console.error("[feedback] could not forward by mail", {
      feedbackId: row.id,
      error: err instanceof Error ? err.name : "unknown",
    });
    return { id: row.id, mailed: false };
  }
}
