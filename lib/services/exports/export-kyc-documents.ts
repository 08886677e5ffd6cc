import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { utcDayRange } from "@/lib/services/mirror-reads/day-range";
import { csvRecord, rawText } from "./csv";
import { after, auditExport, keysetBatches } from "./internal";
import { ExportKycDocumentsInput } from "./schemas";

/** Every mirrored KYC document matching the compliance page's filters as CSV records, newest first; audited first. */
export async function exportKycDocuments({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ExportKycDocumentsInput;
}): Promise<AsyncGenerator<string[]>> {
  assertCan(ctx, "kycDocuments.read");
  const filters = parseInput(ExportKycDocumentsInput, input ?? {});
  await auditExport(ctx, "compliance", { ...filters });
  const where: Prisma.MirrorKycDocumentWhereInput = {
    hubId: ctx.hub.id,
    apiAccountId: ctx.account.id,
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.from || filters.to ? { createdAt: utcDayRange(filters) } : {}),
  };
  return readKycDocuments(where);
}

async function* readKycDocuments(where: Prisma.MirrorKycDocumentWhereInput): AsyncGenerator<string[]> {
  const batches = keysetBatches((last: { id: string; createdAt: Date } | null, take: number) =>
    db.mirrorKycDocument.findMany({
      where: { AND: [where, after("createdAt", last && { id: last.id, at: last.createdAt }, "desc")] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        mangopayId: true,
        userId: true,
        type: true,
        status: true,
        refusedReasonType: true,
        tag: true,
        createdAt: true,
        processedAt: true,
        syncedAt: true,
        // The refusal's message has no column of its own: MANGOPAY's JSON holds it.
        raw: true,
      },
    }),
  );
  for await (const rows of batches)
    for (const d of rows)
      yield csvRecord([
        d.mangopayId,
        d.userId,
        d.type,
        d.status,
        d.refusedReasonType,
        rawText(d.raw, "RefusedReasonMessage"),
        d.tag,
        d.createdAt,
        d.processedAt,
        d.syncedAt,
      ]);
}
