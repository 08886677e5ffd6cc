"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/action";
import { createReissueTicket } from "@/lib/server/auth";
import { changePassword } from "@/lib/services/auth/change-password";
import { confirmTotpEnrollment } from "@/lib/services/auth/confirm-totp-enrollment";
import { disableTotp } from "@/lib/services/auth/disable-totp";
import { regenerateRecoveryCodes } from "@/lib/services/auth/regenerate-recovery-codes";
import {
  ChangePasswordInput,
  ConfirmTotpInput,
  DisableTotpInput,
  RegenerateRecoveryCodesInput,
} from "@/lib/services/auth/schemas";
import { signOutEverywhere } from "@/lib/services/auth/sign-out-everywhere";
import { startTotpEnrollment } from "@/lib/services/auth/start-totp-enrollment";

// Actions on one's own account. They use `userAction` (session only, no Hub context) so that a
// member whose Hub requires 2FA can still enroll from /two-factor/setup.
const PROFILE_PATH = "/hub/profile";

export const startTotpEnrollmentAction = userAction(z.object({}), ({ ctx }) => startTotpEnrollment({ ctx }));

// No revalidation here: the page must keep showing the recovery codes until the user moves on.
export const confirmTotpEnrollmentAction = userAction(ConfirmTotpInput, ({ ctx, input }) => confirmTotpEnrollment({ ctx, input }));

export const regenerateRecoveryCodesAction = userAction(RegenerateRecoveryCodesInput, ({ ctx, input }) =>
  regenerateRecoveryCodes({ ctx, input }),
);

export const disableTotpAction = userAction(DisableTotpInput, async ({ ctx, input }) => {
  const res = await disableTotp({ ctx, input });
  revalidatePath(PROFILE_PATH);
  return res;
});

/** The ticket lets this browser's session move to the new sessionVersion (lib/server/auth.ts). */
export const changePasswordAction = userAction(ChangePasswordInput, async ({ ctx, input }) => {
  const { sessionVersion } = await changePassword({ ctx, input });
  return { reissueTicket: createReissueTicket(ctx.actor.id, sessionVersion) };
});

export const signOutEverywhereAction = userAction(z.object({}), ({ ctx }) => signOutEverywhere({ ctx }));
