import "server-only";
import { users } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, toPageDTO, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toUserListItemDTO, type UserListItemDTO } from "./dto";

/** One page of the account's users, by creation date (`GET /users` has no other documented filter or sort). */
export async function listUsers({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: unknown;
}): Promise<PageDTO<UserListItemDTO>> {
  assertCan(ctx, "users.read");
  const q = PageQuery.parse(input ?? {});
  const direction = q.sort === "asc" ? "ASC" : "DESC";
  return readMangopay(ctx, `users:${q.page}:${q.perPage}:${direction}`, async (client) =>
    toPageDTO(
      await users.list(client, { page: q.page, perPage: q.perPage, sort: { field: "CreationDate", direction } }),
      toUserListItemDTO,
    ),
  );
}
