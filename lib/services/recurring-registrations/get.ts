import "server-only";
import { recurring } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toRecurringRegistrationDTO, type RecurringRegistrationDTO } from "./dto";

/** One recurring pay-in registration; read with the pay-ins' permission (it defines recurring pay-ins). */
export async function getRecurringRegistration({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { registrationId: unknown };
}): Promise<RecurringRegistrationDTO> {
  assertCan(ctx, "payins.read");
  const registrationId = parseMangopayId(input.registrationId, "Recurring registration not found");
  return readMangopay(ctx, `recurring-registration:${registrationId}`, async (client) =>
    toRecurringRegistrationDTO(await recurring.getRegistration(client, registrationId)),
  );
}
