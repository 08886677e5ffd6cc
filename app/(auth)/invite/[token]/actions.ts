"use server";

import { formDataToObject, toActionError, type ActionResult } from "@/lib/server/action";
import { getSessionUser } from "@/lib/server/auth";
import { getRequestMeta } from "@/lib/server/context";
import { acceptInvite, type AcceptedInvite } from "@/lib/services/invites/accept";
import { AcceptInviteInput } from "@/lib/services/invites/schemas";

/**
 * Public by design: the single-use token is the credential. An existing user must also be signed in
 * as the invited email (sign-in applies lockout and 2FA); the service enforces it.
 */
export async function acceptInviteAction(_prev: ActionResult<AcceptedInvite> | null, form: FormData): Promise<ActionResult<AcceptedInvite>> {
  try {
    const raw = formDataToObject(form);
    const parsed = AcceptInviteInput.safeParse(raw);
    if (!parsed.success) return { ok: false, code: "NOT_FOUND", error: "This invitation link is invalid, already used, revoked or expired." };
    const [actor, request] = await Promise.all([getSessionUser(), getRequestMeta()]);
    return { ok: true, data: await acceptInvite({ ctx: { actor, request }, input: parsed.data }) };
  } catch (err) {
    return toActionError(err);
  }
}
