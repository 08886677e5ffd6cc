import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";

/**
 * The person's memberships, oldest first, read once per request: the Hub context
 * (lib/server/context.ts) and the Hub switcher both need them.
 */
export const getMemberships = cache((userId: string) =>
  db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      hubId: true,
      role: true,
      hub: { select: { id: true, name: true, require2fa: true } },
      user: { select: { totpEnabledAt: true } },
    },
  }),
);
