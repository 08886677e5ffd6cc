"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/server/action";
import { createReissueTicket, currentSessionId } from "@/lib/server/auth";
import { UnauthenticatedError } from "@/lib/server/errors";
import { changePassword } from "@/lib/services/auth/change-password";
import { confirmTotpEnrollment, type RecoveryCodesDTO } from "@/lib/services/auth/confirm-totp-enrollment";
import { disableTotp } from "@/lib/services/auth/disable-totp";
import { regenerateRecoveryCodes } from "@/lib/services/auth/regenerate-recovery-codes";
import {
  ChangePasswordInput,
  ConfirmTotpInput,
  DisableTotpInput,
  RegenerateRecoveryCodesInput,
  StartTotpInput,
} from "@/lib/services/auth/schemas";
import { signOutEverywhere } from "@/lib/services/auth/sign-out-everywhere";
import { startTotpEnrollment, type TotpEnrollmentDTO } from "@/lib/services/auth/start-totp-enrollment";
import { userAction } from "@/lib/services/auth/user-context";

// Actions on one's own account. They use `userAction` (session only, no Hub context) so that a
// member whose Hub requires 2FA can still enroll from /two-factor/setup.
const PROFILE_PATH = "/hub/profile";

const start = userAction(StartTotpInput, ({ ctx, input }) => startTotpEnrollment({ ctx, input }));
export async function startTotpEnrollmentAction(
  prev: ActionResult<TotpEnrollmentDTO> | null,
  form: FormData,
): Promise<ActionResult<TotpEnrollmentDTO>> {
  return start(prev, form);
}

/**
 * Runs a security change that ends every other session, and returns its result with a ticket that
 * moves this session (only) to the new sessionVersion.
 */
async function withReissueTicket<T extends { sessionVersion: number }>(userId: string, change: () => Promise<T>) {
  const sessionId = await currentSessionId();
  if (!sessionId) throw new UnauthenticatedError();
  const result = await change();
  return { ...result, reissueTicket: createReissueTicket(userId, result.sessionVersion, sessionId) };
}

type WithTicket<T> = T & { reissueTicket: string };

// No revalidation here: the page must keep showing the recovery codes until the user moves on.
// Enabling 2FA ends every other session; this one continues with the ticket.
const confirm = userAction(ConfirmTotpInput, async ({ ctx, input }) => {
  const { recoveryCodes, reissueTicket } = await withReissueTicket(ctx.actor.id, () => confirmTotpEnrollment({ ctx, input }));
  return { recoveryCodes, reissueTicket };
});
export async function confirmTotpEnrollmentAction(
  prev: ActionResult<WithTicket<RecoveryCodesDTO>> | null,
  form: FormData,
): Promise<ActionResult<WithTicket<RecoveryCodesDTO>>> {
  return confirm(prev, form);
}

const regenerate = userAction(RegenerateRecoveryCodesInput, ({ ctx, input }) => regenerateRecoveryCodes({ ctx, input }));
export async function regenerateRecoveryCodesAction(
  prev: ActionResult<RecoveryCodesDTO> | null,
  form: FormData,
): Promise<ActionResult<RecoveryCodesDTO>> {
  return regenerate(prev, form);
}

const disable = userAction(DisableTotpInput, async ({ ctx, input }) => {
  const { reissueTicket } = await withReissueTicket(ctx.actor.id, () => disableTotp({ ctx, input }));
  revalidatePath(PROFILE_PATH);
  return { disabled: true as const, reissueTicket };
});
export async function disableTotpAction(
  prev: ActionResult<WithTicket<{ disabled: true }>> | null,
  form: FormData,
): Promise<ActionResult<WithTicket<{ disabled: true }>>> {
  return disable(prev, form);
}

/** The ticket lets this browser's session move to the new sessionVersion (lib/server/auth.ts). */
const change = userAction(ChangePasswordInput, async ({ ctx, input }) => {
  const { reissueTicket } = await withReissueTicket(ctx.actor.id, () => changePassword({ ctx, input }));
  return { reissueTicket };
});
export async function changePasswordAction(
  prev: ActionResult<{ reissueTicket: string }> | null,
  form: FormData,
): Promise<ActionResult<{ reissueTicket: string }>> {
  return change(prev, form);
}

const everywhere = userAction(z.object({}), ({ ctx }) => signOutEverywhere({ ctx }));
export async function signOutEverywhereAction(
  prev: ActionResult<{ sessionVersion: number }> | null,
  form: FormData,
): Promise<ActionResult<{ sessionVersion: number }>> {
  return everywhere(prev, form);
}
