import "server-only";
import QRCode from "qrcode";
import type { UserContext } from "@/lib/server/context-types";
import { encryptSecret } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { ConflictError } from "@/lib/server/errors";
import { generateTotpSecret, totpUri } from "@/lib/server/totp";
import { getSecurityUser } from "./internal";
import { writeUserAudit } from "./audit-user";

export type TotpEnrollmentDTO = { secret: string; otpauthUri: string; qrDataUrl: string };

/**
 * Creates a new pending TOTP secret (stored encrypted, `totpEnabledAt` still null) and returns it
 * once, with its QR code. 2FA is only on after `confirmTotpEnrollment` checks a code from the app.
 */
export async function startTotpEnrollment({ ctx }: { ctx: UserContext }): Promise<TotpEnrollmentDTO> {
  const user = await getSecurityUser(ctx);
  if (user.totpEnabledAt) throw new ConflictError("Two-factor authentication is already on.");
  const secret = generateTotpSecret();
  const otpauthUri = totpUri(secret, user.email);
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: "M", margin: 1, width: 208 });
  await (ctx.db ?? db).$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecretEnc: encryptSecret(secret) }, select: { id: true } });
    await writeUserAudit(tx, ctx, {
      action: "auth.totp.enrollment_started",
      target: { type: "user", id: user.id },
    });
  });
  return { secret, otpauthUri, qrDataUrl };
}
