import "server-only";
import QRCode from "qrcode";
import type { UserContext } from "@/lib/server/context-types";
import { encryptSecret } from "@/lib/server/crypto";
import { db } from "@/lib/server/db";
import { ConflictError, parseInput } from "@/lib/server/errors";
import { generateTotpSecret, totpUri } from "@/lib/server/totp";
import { getSecurityUser, requirePassword } from "./internal";
import { StartTotpInput } from "./schemas";
import { writeUserAudit } from "./audit-user";

export type TotpEnrollmentDTO = { secret: string; otpauthUri: string; qrDataUrl: string };

/**
 * After the current password (rate limited like every re-authentication), creates a new pending
 * TOTP secret (stored encrypted, `totpEnabledAt` still null) and returns it once, with its QR code.
 * 2FA is only on after `confirmTotpEnrollment` checks a code from the app.
 */
export async function startTotpEnrollment({
  ctx,
  input,
}: {
  ctx: UserContext;
  input: unknown;
}): Promise<TotpEnrollmentDTO> {
  const { currentPassword } = parseInput(StartTotpInput, input);
  const user = await getSecurityUser(ctx);
  if (user.totpEnabledAt) throw new ConflictError("Two-factor authentication is already on.");
  await requirePassword(ctx, user, currentPassword, "auth.totp.enrollment_started");
  const secret = generateTotpSecret();
  const otpauthUri = totpUri(secret, user.email);
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: "M", margin: 1, width: 208 });
  await (ctx.db ?? db).$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecretEnc: encryptSecret(secret) },
      select: { id: true },
    });
    await writeUserAudit(tx, ctx, {
      action: "auth.totp.enrollment_started",
      target: { type: "user", id: user.id },
    });
  });
  return { secret, otpauthUri, qrDataUrl };
}
