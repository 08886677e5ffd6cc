"use server";

import { revalidatePath } from "next/cache";
import { authedAction, type ActionResult } from "@/lib/server/action";
import { SetHubRequire2faInput } from "@/lib/services/auth/schemas";
import { setHubRequire2fa, type HubSecuritySettingsDTO } from "@/lib/services/auth/set-hub-require-2fa";
import { SetAllowCustomBaseUrlsInput, setAllowCustomBaseUrls } from "@/lib/services/hubs/set-allow-custom-base-urls";

const setRequire2fa = authedAction(SetHubRequire2faInput, async ({ ctx, input }) => {
  const res = await setHubRequire2fa({ ctx, input });
  revalidatePath("/hub/settings");
  return res;
});

export async function setHubRequire2faAction(
  prev: ActionResult<HubSecuritySettingsDTO> | null,
  form: FormData,
): Promise<ActionResult<HubSecuritySettingsDTO>> {
  return setRequire2fa(prev, form);
}

const setCustomBaseUrls = authedAction(SetAllowCustomBaseUrlsInput, async ({ ctx, input }) => {
  const res = await setAllowCustomBaseUrls({ ctx, input });
  revalidatePath("/hub/settings");
  return res;
});

export async function setAllowCustomBaseUrlsAction(
  prev: ActionResult<{ allowCustomBaseUrls: boolean }> | null,
  form: FormData,
): Promise<ActionResult<{ allowCustomBaseUrls: boolean }>> {
  return setCustomBaseUrls(prev, form);
}
