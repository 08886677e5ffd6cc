"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action";
import { CURRENT_HUB_COOKIE } from "@/lib/server/context";
import { secureCookies } from "@/lib/server/env";
import { NotFoundError } from "@/lib/server/errors";
import { SelectHubInput, selectHub } from "@/lib/services/hubs/select-hub";

// Switching Hubs changes which Hub this browser works in, nothing else: a preference, not audited.
// Whatever the outcome (a foreign or stale id is NOT_FOUND and changes nothing), the browser lands on /hub.
export const switchHubAction = userAction(SelectHubInput, async ({ ctx, input }) => {
  const selected = await selectHub({ ctx, input }).catch((err: unknown) => {
    if (err instanceof NotFoundError) return null;
    throw err;
  });
  if (selected) {
    (await cookies()).set(CURRENT_HUB_COOKIE, selected.hubId, {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  redirect("/hub");
});
