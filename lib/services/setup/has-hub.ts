import "server-only";
import { db as defaultDb, type Db } from "@/lib/server/db";

/** Whether this installation has any Hub yet (no: first run, /setup is open). */
export async function hasAnyHub({ db = defaultDb }: { db?: Db } = {}): Promise<boolean> {
  const hub = await db.hub.findFirst({ select: { id: true } });
  return hub !== null;
}
