import "server-only";
import { users } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toUserDTO, type UserDTO } from "./dto";

/** One user of the account (natural or legal); another client's or a missing id → NotFound. */
export async function getUser({ ctx, input }: { ctx: AccountContext; input: { userId: unknown } }): Promise<UserDTO> {
  assertCan(ctx, "users.read");
  const userId = parseMangopayId(input.userId, "User not found");
  return readMangopay(ctx, `user:${userId}`, async (client) => toUserDTO(await users.get(client, userId)));
}
