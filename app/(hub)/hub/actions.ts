"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { CURRENT_HUB_COOKIE } from "@/lib/server/context";
import { userAction } from "@/lib/services/auth/user-context";
import { SelectHubInput, selectHub } from "@/lib/services/hubs/select-hub";

// Switching Hubs changes which Hub this browser works in, nothing else: a preference, not audited.
const select = userAction(SelectHubInput, ({ ctx, input }) => selectHub({ ctx, input }));

export async function switchHubAction(form: FormData): Promise<void> {
  const result = await select(null, form);
  if (result.ok) {
    (await cookies()).set(CURRENT_HUB_COOKIE, result.data.hubId, {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production" && (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  redirect("/hub");
}
