"use server";

import { revalidatePath } from "next/cache";
import { hubAction } from "@/lib/server/action";
import { SetHubRequire2faInput } from "@/lib/services/auth/schemas";
import { setHubRequire2fa } from "@/lib/services/auth/set-hub-require-2fa";
import { SetAllowCustomBaseUrlsInput, setAllowCustomBaseUrls } from "@/lib/services/hubs/set-allow-custom-base-urls";

export const setHubRequire2faAction = hubAction(
  "hub.settings.manage",
  SetHubRequire2faInput,
  async ({ ctx, input }) => {
    const res = await setHubRequire2fa({ ctx, input });
    revalidatePath("/hub/settings");
    return res;
  },
);

export const setAllowCustomBaseUrlsAction = hubAction(
  "hub.connections.manage",
  SetAllowCustomBaseUrlsInput,
  async ({ ctx, input }) => {
    const res = await setAllowCustomBaseUrls({ ctx, input });
    revalidatePath("/hub/settings");
    return res;
  },
);
