import "server-only";
import { db } from "@/lib/server/db";

/** Whether this installation has any Hub yet (no: first run, /setup is open). */
export async function hasAnyHub(): Promise<boolean> {
  const hub = await db.hub.findFirst({ select: { id: true } });
  return hub !== null;
}
