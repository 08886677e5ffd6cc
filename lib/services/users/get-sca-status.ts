import "server-only";
import { scaUsers } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { iso, parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";

export type UserScaStatusDTO = {
  userStatus: string | null;
  isEnrolled: boolean;
  lastEnrollmentAt: string | null;
  lastConsentAt: string | null;
  /** Proxy consents by scope (Transfer, ViewAccountInformation…): GIVEN, REVOKED or null (never asked). */
  consents: Array<{ scope: string; value: string | null }>;
};

/** A user's SCA enrolment and proxy consents (`GET /sca/users/{id}/sca-status`). */
export async function getUserScaStatus({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown };
}): Promise<UserScaStatusDTO> {
  assertCan(ctx, "users.read");
  const userId = parseMangopayId(input.userId, "User not found");
  return readMangopay(ctx, `user-sca-status:${userId}`, async (client) => {
    const s = await scaUsers.getScaStatus(client, userId);
    return {
      userStatus: s.UserStatus ?? null,
      isEnrolled: s.IsEnrolled,
      lastEnrollmentAt: iso(s.LastEnrollmentDate),
      lastConsentAt: iso(s.LastConsentCollectionDate),
      consents: Object.entries(s.ConsentScope ?? {}).map(([scope, value]) => ({
        scope,
        value: typeof value === "string" ? value : null,
      })),
    };
  });
}
