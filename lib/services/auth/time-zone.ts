import "server-only";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { writeUserAudit } from "./audit-user";
import type { UserContext } from "@/lib/server/context-types";

/** An IANA zone this runtime knows (`Europe/Paris`), or "" for the browser's own. */
export const SetTimeZoneInput = z.object({
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((z) => z === "" || isKnownTimeZone(z), "Unknown time zone"),
});
export type SetTimeZoneInput = z.infer<typeof SetTimeZoneInput>;

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return zone !== "" && Intl.supportedValuesOf("timeZone").concat("UTC").includes(zone);
  } catch {
    return false;
  }
}

/** The member's display zone, read once per request; null = the browser's own. */
export const getMemberTimeZone = cache(async (userId: string): Promise<string | null> => {
  const row = await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return row?.timeZone ?? null;
});

/** Sets (or clears, with "") the zone dates are shown in; audited like every profile change. */
export async function setMemberTimeZone({
  ctx,
  input,
}: {
  ctx: UserContext;
  input: unknown;
}): Promise<{ timeZone: string | null }> {
  const parsed = SetTimeZoneInput.safeParse(input);
  if (!parsed.success)
    throw new ValidationError("Choose a time zone from the list.", { timeZone: ["Unknown time zone"] });
  const timeZone = parsed.data.timeZone === "" ? null : parsed.data.timeZone;
  return (ctx.db ?? db).$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { timeZone: true } });
    await tx.user.update({ where: { id: ctx.actor.id }, data: { timeZone }, select: { id: true } });
    await writeUserAudit(tx, ctx, {
      action: "profile.time_zone.update",
      target: { type: "user", id: ctx.actor.id },
      before: { timeZone: before.timeZone },
      after: { timeZone },
    });
    return { timeZone };
  });
}
