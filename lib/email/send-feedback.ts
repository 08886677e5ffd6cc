import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/server/env";

export type FeedbackEmail = {
  to: string[];
  hubName: string;
  fromName: string;
  fromEmail: string;
  accountName: string | null;
  page: string | null;
  message: string;
};

/** Forwards one feedback message to the Hub's Owners; the caller checks SMTP is configured. */
export async function sendFeedbackEmail(mail: FeedbackEmail): Promise<void> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) throw new Error("SMTP_URL is not configured");
  const transport = nodemailer.createTransport(SMTP_URL);
  await transport.sendMail({
    from: SMTP_FROM,
    to: mail.to,
    replyTo: mail.fromEmail,
    subject: `Feedback from ${mail.fromName} (${mail.hubName})`,
    text:
      `${mail.fromName} <${mail.fromEmail}> shared feedback on the MANGOPAY Dashboard of ${mail.hubName}.\n` +
      (mail.accountName ? `API account: ${mail.accountName}\n` : "") +
      (mail.page ? `Page: ${mail.page}\n` : "") +
      `\n${mail.message}\n`,
  });
}
