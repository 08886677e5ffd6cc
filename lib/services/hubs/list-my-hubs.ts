import "server-only";
import type { SessionUser } from "@/lib/server/auth";
import { getMemberships } from "@/lib/server/context";

export type MyHubDTO = { id: string; name: string; role: string };

/** The Hubs the signed-in person belongs to, oldest membership first (for the Hub switcher). */
export async function listMyHubs({ actor }: { actor: SessionUser }): Promise<MyHubDTO[]> {
  const rows = await getMemberships(actor.id);
  return rows.map((r) => ({ id: r.hub.id, name: r.hub.name, role: r.role }));
}
