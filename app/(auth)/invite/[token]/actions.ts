"use server";

import { publicAction } from "@/lib/server/action";
import { NotFoundError } from "@/lib/server/errors";
import { acceptInvite } from "@/lib/services/invites/accept";
import { AcceptInviteInput, INVALID_INVITE } from "@/lib/services/invites/schemas";

/**
 * Public by design: the single-use token is the credential. An existing user must also be signed in
 * as the invited email (sign-in applies lockout and 2FA); the service enforces it. A malformed payload
 * reads like a dead link.
 */
export const acceptInviteAction = publicAction(AcceptInviteInput, ({ ctx, input }) => acceptInvite({ ctx, input }), {
  invalidInput: new NotFoundError(INVALID_INVITE),
});
