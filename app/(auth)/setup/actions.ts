"use server";

import { formDataToObject, toActionError, type ActionResult } from "@/lib/server/action";
import { getRequestMeta } from "@/lib/server/context";
import { createFirstHub } from "@/lib/services/setup/create-first-hub";
import type { CreateFirstHubInput } from "@/lib/services/setup/schemas";

/**
 * Public by design (no one exists to sign in yet): the setup token is the credential, and the service
 * refuses once any Hub exists.
 */
export async function createFirstHubAction(_prev: ActionResult<{ email: string }> | null, form: FormData): Promise<ActionResult<{ email: string }>> {
  try {
    const created = await createFirstHub({ ctx: { request: await getRequestMeta() }, input: formDataToObject(form) as CreateFirstHubInput });
    return { ok: true, data: { email: created.email } };
  } catch (err) {
    return toActionError(err);
  }
}
