import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/server/env";

export type InviteEmail = {
  to: string;
  hubName: string;
  inviterName: string;
  roleLabel: string;
  link: string;
  expiresAt: Date;
};

/** True when invitation emails can go out; otherwise the inviter is shown the link once. */
export function emailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export async function sendInviteEmail(mail: InviteEmail): Promise<void> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) throw new Error("SMTP_URL is not configured");
  const transport = nodemailer.createTransport(SMTP_URL);
  const expires = mail.expiresAt.toUTCString();
  await transport.sendMail({
    from: SMTP_FROM,
    to: mail.to,
    subject: `${mail.inviterName} invited you to ${mail.hubName}`,
    text:
      `${mail.inviterName} invited you to join ${mail.hubName} on the MANGOPAY Dashboard as ${mail.roleLabel}.\n\n` +
      `Accept the invitation: ${mail.link}\n\nThe link works once and expires on ${expires}.\n`,
  });
}
