import "server-only";
import { toUboDeclarationDTO, type UboDeclarationDTO } from "./dto";
import { z } from "zod";
import { MangopayId } from "@/lib/services/mangopay/inputs";
import { events, ubo } from "@/lib/mangopay";
import { EVENT_RETENTION_DAYS } from "@/lib/mangopay/event-types";
import type { UboDeclaration } from "@/lib/mangopay/schemas/kyc";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";

const UBO_EVENTS = [
  "UBO_DECLARATION_CREATED",
  "UBO_DECLARATION_VALIDATION_ASKED",
  "UBO_DECLARATION_VALIDATED",
  "UBO_DECLARATION_INCOMPLETE",
  "UBO_DECLARATION_REFUSED",
];

/** At most this many declarations are loaded from events, and users asked, per view. */
export const RECENT_UBO_LIMIT = 20;
export const USER_LIMIT = 20;

export const ListUboDeclarationsInput = z.object({
  userIds: z.array(MangopayId).max(USER_LIMIT).default([]),
});
export type ListUboDeclarationsInput = z.input<typeof ListUboDeclarationsInput>;

function orNull<T>(p: Promise<T>): Promise<T | null> {
  return p.catch((err: unknown) => {
    if (err instanceof NotFoundError || err instanceof ValidationError) return null; // deleted, or not a legal user
    throw err;
  });
}

/**
 * UBO declarations of the given (legal) users plus every declaration that changed in the last 45
 * days, newest first. MANGOPAY lists declarations only per user: the recent ones are found through
 * the UBO_DECLARATION_* events, then loaded one by one (in parallel) for their current state.
 */
export async function listUboDeclarations({
  ctx,
  input,
  nowMs = Date.now(),
}: {
  ctx: AccountContext;
  input: ListUboDeclarationsInput;
  nowMs?: number;
}): Promise<UboDeclarationDTO[]> {
  assertCan(ctx, "uboDeclarations.read");
  const { userIds } = parseInput(ListUboDeclarationsInput, input);
  const recent = (async () => {
    const page = await readMangopay(ctx, "ubo-events", (client) =>
      events.list(client, {
        perPage: 100,
        sort: { field: "Date", direction: "DESC" },
        filters: { EventType: UBO_EVENTS, AfterDate: Math.ceil(nowMs / 1000) - EVENT_RETENTION_DAYS * 86_400 + 60 },
      }),
    );
    const ids = [...new Set(page.items.map((e) => e.ResourceId))].slice(0, RECENT_UBO_LIMIT);
    return Promise.all(
      ids.map((id) => orNull(readMangopay(ctx, `ubo-declaration:${id}`, (client) => ubo.getDeclaration(client, id)))),
    );
  })();
  const byUser = Promise.all(
    [...new Set(userIds)].map((userId) =>
      orNull(
        readMangopay(ctx, `ubo-declarations-of:${userId}`, (client) =>
          ubo.listDeclarationsByUser(client, userId, { perPage: 10 }),
        ).then((p) => p.items),
      ),
    ),
  );
  const [fromEvents, fromUsers] = await Promise.all([recent, byUser]);
  const unique = new Map<string, UboDeclaration>();
  for (const d of [...fromEvents, ...fromUsers.flat()]) if (d) unique.set(d.Id, d);
  return [...unique.values()]
    .sort((a, b) => b.CreationDate.getTime() - a.CreationDate.getTime())
    .map(toUboDeclarationDTO);
}
