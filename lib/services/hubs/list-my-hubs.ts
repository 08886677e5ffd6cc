import "server-only";
import type { SessionUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";

export type MyHubDTO = { id: string; name: string; role: string };

/** The Hubs the signed-in person belongs to, oldest membership first (for the Hub switcher). */
export async function listMyHubs({ actor }: { actor: SessionUser }): Promise<MyHubDTO[]> {
  const rows = await db.membership.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "asc" },
    select: { role: true, hub: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ id: r.hub.id, name: r.hub.name, role: r.role }));
}
