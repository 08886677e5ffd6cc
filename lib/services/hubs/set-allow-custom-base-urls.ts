import "server-only";
import { z } from "zod";
import { Checkbox } from "@/lib/services/auth/schemas";
import { writeAudit } from "@/lib/server/audit";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";

export const SetAllowCustomBaseUrlsInput = z.object({ allowCustomBaseUrls: Checkbox });
export type SetAllowCustomBaseUrlsInput = z.input<typeof SetAllowCustomBaseUrlsInput>;

/**
 * Hub setting "API accounts may use a custom base URL" (a proxy, the emulator). Owners only: a base
 * URL decides where the Hub's API keys are sent.
 */
export async function setAllowCustomBaseUrls({
  ctx,
  input,
}: {
  ctx: HubContext;
  input: SetAllowCustomBaseUrlsInput;
}): Promise<{ allowCustomBaseUrls: boolean }> {
  assertCan(ctx, "hub.connections.manage");
  const { allowCustomBaseUrls } = parseInput(SetAllowCustomBaseUrlsInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.hub.findUniqueOrThrow({ where: { id: ctx.hub.id }, select: { allowCustomBaseUrls: true } });
    await tx.hub.update({ where: { id: ctx.hub.id }, data: { allowCustomBaseUrls }, select: { id: true } });
    await writeAudit(tx, ctx, {
      action: "hub.settings.allow_custom_base_urls",
      target: { type: "hub", id: ctx.hub.id },
      before,
      after: { allowCustomBaseUrls },
    });
    return { allowCustomBaseUrls };
  });
}

export async function getAllowCustomBaseUrls(hubId: string): Promise<boolean> {
  const hub = await db.hub.findUnique({ where: { id: hubId }, select: { allowCustomBaseUrls: true } });
  return hub?.allowCustomBaseUrls ?? false;
}
