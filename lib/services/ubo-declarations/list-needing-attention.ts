import "server-only";
import { events, ubo } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { readMangopay } from "@/lib/services/mangopay/request";

const WINDOW_DAYS = 44; // events are kept 45 days
const MAX_CHECKED = 50;

export type UboAttention = { incomplete: number; refused: number; userIds: string[]; partial: boolean };

/**
 * UBO declarations currently INCOMPLETE or REFUSED. MANGOPAY has no account-wide UBO list, so the
 * recent INCOMPLETE/REFUSED events name the candidates and each is re-read for its current status
 * (at most 50, all at once).
 */
export async function listUboNeedingAttention({ ctx }: { ctx: AccountContext }): Promise<UboAttention> {
  assertCan(ctx, "uboDeclarations.read");
  assertCan(ctx, "events.read");
  return readMangopay(ctx, "ubo-attention", async (client) => {
    const AfterDate = Math.floor(Date.now() / 1000) - WINDOW_DAYS * 86_400;
    const pages = await Promise.all(
      ["UBO_DECLARATION_INCOMPLETE", "UBO_DECLARATION_REFUSED"].map((EventType) =>
        events.list(client, { perPage: 100, filters: { EventType, AfterDate }, priority: "optional" }),
      ),
    );
    const ids = [...new Set(pages.flatMap((p) => p.items.map((e) => e.ResourceId)))];
    const declarations = await Promise.all(
      ids.slice(0, MAX_CHECKED).map((id) => ubo.getDeclaration(client, id, { priority: "optional" })),
    );
    const open = declarations.filter((d) => d.Status === "INCOMPLETE" || d.Status === "REFUSED");
    return {
      incomplete: open.filter((d) => d.Status === "INCOMPLETE").length,
      refused: open.filter((d) => d.Status === "REFUSED").length,
      userIds: [...new Set(open.map((d) => d.UserId))],
      partial: ids.length > MAX_CHECKED || pages.some((p) => (p.totalItems ?? 0) > p.items.length),
    };
  });
}
