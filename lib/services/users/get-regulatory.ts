import "server-only";
import { users } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toUserRegulatoryDTO, type UserRegulatoryDTO } from "./dto";

/** Regulatory blocks on a user's inflows/outflows (`GET /users/{id}/regulatory`). */
export async function getUserRegulatory({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown };
}): Promise<UserRegulatoryDTO> {
  assertCan(ctx, "users.read");
  const userId = parseMangopayId(input.userId, "User not found");
  return readMangopay(ctx, `user-regulatory:${userId}`, async (client) =>
    toUserRegulatoryDTO(await users.getRegulatory(client, userId)),
  );
}
