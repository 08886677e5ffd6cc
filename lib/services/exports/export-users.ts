import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { csvRecord } from "./csv";
import { after, auditExport, keysetBatches } from "./internal";
import { ExportUsersInput } from "./schemas";

/** Every mirrored user of the account as CSV records, in the list's order; the export is audited first. */
export async function exportUsers({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ExportUsersInput;
}): Promise<AsyncGenerator<string[]>> {
  assertCan(ctx, "users.read");
  const { sort } = parseInput(ExportUsersInput, input ?? {});
  await auditExport(ctx, "users", { sort });
  return readUsers(ctx, sort);
}

async function* readUsers(ctx: AccountContext, sort: "asc" | "desc"): AsyncGenerator<string[]> {
  const scope = { hubId: ctx.hub.id, apiAccountId: ctx.account.id };
  const batches = keysetBatches((last: { id: string; createdAt: Date } | null, take: number) =>
    db.mirrorUser.findMany({
      where: { ...scope, ...after("createdAt", last && { id: last.id, at: last.createdAt }, sort) },
      orderBy: [{ createdAt: sort }, { id: sort }],
      take,
      select: {
        id: true,
        mangopayId: true,
        personType: true,
        email: true,
        firstName: true,
        lastName: true,
        companyName: true,
        status: true,
        tag: true,
        createdAt: true,
        syncedAt: true,
      },
    }),
  );
  for await (const rows of batches)
    for (const u of rows)
      yield csvRecord([
        u.mangopayId,
        u.personType,
        u.email,
        u.firstName,
        u.lastName,
        u.companyName,
        u.status,
        u.tag,
        u.createdAt,
        u.syncedAt,
      ]);
}
