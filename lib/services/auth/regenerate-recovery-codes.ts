import "server-only";
import type { UserContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput, PreconditionError } from "@/lib/server/errors";
import { replaceRecoveryCodes, type RecoveryCodesDTO } from "./confirm-totp-enrollment";
import { getSecurityUser, requireSecondFactor } from "./internal";
import { RegenerateRecoveryCodesInput } from "./schemas";
import { consumeRecoveryCode } from "./second-factor";
import { writeUserAudit } from "./audit-user";

/** Ten new recovery codes (the old ones stop working), after a current code. Shown once. */
export async function regenerateRecoveryCodes({ ctx, input }: { ctx: UserContext; input: unknown }): Promise<RecoveryCodesDTO> {
  const { code } = parseInput(RegenerateRecoveryCodesInput, input);
  const user = await getSecurityUser(ctx);
  const factor = await requireSecondFactor(ctx, user, code, "auth.recovery_codes.regenerate");
  return (ctx.db ?? db).$transaction(async (tx) => {
    if (factor.method === "recovery_code" && !(await consumeRecoveryCode(tx, factor.recoveryCodeId))) {
      throw new PreconditionError("That recovery code was just used. Try another one.");
    }
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await writeUserAudit(tx, ctx, {
      action: "auth.recovery_codes.regenerate",
      target: { type: "user", id: user.id },
      metadata: { method: factor.method, ...(factor.method === "totp" ? { totpStep: factor.totpStep } : {}) },
    });
    return { recoveryCodes };
  });
}
