import "server-only";
import type { UserContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { replaceRecoveryCodes, type RecoveryCodesDTO } from "./confirm-totp-enrollment";
import { getSecurityUser, refuseSpentSecondFactor, requireSecondFactor } from "./internal";
import { RegenerateRecoveryCodesInput } from "./schemas";
import { claimSecondFactor } from "./second-factor";
import { writeUserAudit } from "./audit-user";

/** Ten new recovery codes (the old ones stop working), after a current code. Shown once. */
export async function regenerateRecoveryCodes({
  ctx,
  input,
}: {
  ctx: UserContext;
  input: unknown;
}): Promise<RecoveryCodesDTO> {
  const { code } = parseInput(RegenerateRecoveryCodesInput, input);
  const user = await getSecurityUser(ctx);
  const action = "auth.recovery_codes.regenerate";
  const factor = await requireSecondFactor(ctx, user, code, action);
  const done = await (ctx.db ?? db).$transaction(async (tx) => {
    // Spent first: when a concurrent request spent the code, nothing is written.
    if (!(await claimSecondFactor(tx, factor, user.id))) return null;
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await writeUserAudit(tx, ctx, {
      action,
      target: { type: "user", id: user.id },
      metadata: { method: factor.method, ...(factor.method === "totp" ? { totpStep: factor.totpStep } : {}) },
    });
    return { recoveryCodes };
  });
  return done ?? refuseSpentSecondFactor(ctx, factor, action);
}
