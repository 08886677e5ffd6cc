import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { utcDayRange } from "@/lib/services/mirror-reads/day-range";
import { csvRecord, rawText } from "./csv";
import { after, auditExport, keysetBatches } from "./internal";
import { ExportUboDeclarationsInput } from "./schemas";

/** Every mirrored UBO declaration created in the compliance page's days (and of a status) as CSV records, newest first; audited first. */
export async function exportUboDeclarations({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ExportUboDeclarationsInput;
}): Promise<AsyncGenerator<string[]>> {
  assertCan(ctx, "uboDeclarations.read");
  const filters = parseInput(ExportUboDeclarationsInput, input ?? {});
  await auditExport(ctx, "ubo-declarations", { ...filters });
  const where: Prisma.MirrorUboDeclarationWhereInput = {
    hubId: ctx.hub.id,
    apiAccountId: ctx.account.id,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.from || filters.to ? { createdAt: utcDayRange(filters) } : {}),
  };
  return readUboDeclarations(where);
}

/** The number of beneficial owners in MANGOPAY's JSON (its `Ubos` array). */
function uboCount(raw: unknown): number {
  const ubos = raw && typeof raw === "object" ? (raw as { Ubos?: unknown }).Ubos : undefined;
  return Array.isArray(ubos) ? ubos.length : 0;
}

async function* readUboDeclarations(where: Prisma.MirrorUboDeclarationWhereInput): AsyncGenerator<string[]> {
  const batches = keysetBatches((last: { id: string; createdAt: Date } | null, take: number) =>
    db.mirrorUboDeclaration.findMany({
      where: { AND: [where, after("createdAt", last && { id: last.id, at: last.createdAt }, "desc")] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        mangopayId: true,
        userId: true,
        status: true,
        reason: true,
        tag: true,
        createdAt: true,
        processedAt: true,
        syncedAt: true,
        // The refusal's message and the owners have no column of their own: MANGOPAY's JSON holds them.
        raw: true,
      },
    }),
  );
  for await (const rows of batches)
    for (const d of rows)
      yield csvRecord([
        d.mangopayId,
        d.userId,
        d.status,
        d.reason,
        rawText(d.raw, "Message"),
        uboCount(d.raw),
        d.tag,
        d.createdAt,
        d.processedAt,
        d.syncedAt,
      ]);
}
