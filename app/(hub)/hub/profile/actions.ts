"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/action";
import { createReissueTicket, currentSessionId } from "@/lib/server/auth";
import { UnauthenticatedError } from "@/lib/server/errors";
import { changePassword } from "@/lib/services/auth/change-password";
import { confirmTotpEnrollment } from "@/lib/services/auth/confirm-totp-enrollment";
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
import { startTotpEnrollment } from "@/lib/services/auth/start-totp-enrollment";
import { SetTimeZoneInput, setMemberTimeZone } from "@/lib/services/auth/time-zone";

// Actions on one's own account. They use `userAction` (session only, no Hub context) so that a
// member whose Hub requires 2FA can still enroll from /two-factor/setup.
/**
 * Runs a security change that ends every other session, and returns its result with a ticket that
 * moves this session (only) to the new sessionVersion (lib/server/auth.ts).
 */
async function withReissueTicket<T extends { sessionVersion: number }>(userId: string, change: () => Promise<T>) {
  const sessionId = await currentSessionId();
  if (!sessionId) throw new UnauthenticatedError();
  const result = await change();
  return { ...result, reissueTicket: createReissueTicket(userId, result.sessionVersion, sessionId) };
}

export const startTotpEnrollmentAction = userAction(StartTotpInput, ({ ctx, input }) =>
  startTotpEnrollment({ ctx, input }),
);

// No revalidation here: the page must keep showing the recovery codes until the user moves on.
// Enabling 2FA ends every other session; this one continues with the ticket.
export const confirmTotpEnrollmentAction = userAction(ConfirmTotpInput, async ({ ctx, input }) => {
  const { recoveryCodes, reissueTicket } = await withReissueTicket(ctx.actor.id, () =>
    confirmTotpEnrollment({ ctx, input }),
  );
  return { recoveryCodes, reissueTicket };
});

export const regenerateRecoveryCodesAction = userAction(RegenerateRecoveryCodesInput, ({ ctx, input }) =>
  regenerateRecoveryCodes({ ctx, input }),
);

// No revalidation here: this session's JWT is still on the old sessionVersion until the browser
// posts the ticket; the client refreshes the page afterwards.
export const disableTotpAction = userAction(DisableTotpInput, async ({ ctx, input }) => {
  const { reissueTicket } = await withReissueTicket(ctx.actor.id, () => disableTotp({ ctx, input }));
  return { disabled: true as const, reissueTicket };
});

export const changePasswordAction = userAction(ChangePasswordInput, async ({ ctx, input }) => {
  const { reissueTicket } = await withReissueTicket(ctx.actor.id, () => changePassword({ ctx, input }));
  return { reissueTicket };
});

export const signOutEverywhereAction = userAction(z.object({}), ({ ctx }) => signOutEverywhere({ ctx }));

export const setTimeZoneAction = userAction(SetTimeZoneInput, async ({ ctx, input }) => {
  const res = await setMemberTimeZone({ ctx, input });
  revalidatePath("/", "layout");
  return res;
});
