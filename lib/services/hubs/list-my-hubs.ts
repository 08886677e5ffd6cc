import "server-only";
import type { SessionUser } from "@/lib/server/context-types";
import { getMemberships } from "./memberships";

export type MyHubDTO = { id: string; name: string; role: string };

/** The Hubs the signed-in person belongs to, oldest membership first (for the Hub switcher). */
export async function listMyHubs({ actor }: { actor: SessionUser }): Promise<MyHubDTO[]> {
  const rows = await getMemberships(actor.id);
  return rows.map((r) => ({ id: r.hub.id, name: r.hub.name, role: r.role }));
}
