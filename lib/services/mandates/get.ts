import "server-only";
import { mandates } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toMandateDTO, type MandateDTO } from "./dto";

/** One direct-debit mandate (status, scheme, bank account); another client's or a missing id → NotFound. */
export async function getMandate({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { mandateId: unknown };
}): Promise<MandateDTO> {
  assertCan(ctx, "mandates.read");
  const mandateId = parseMangopayId(input.mandateId, "Mandate not found");
  return readMangopay(ctx, `mandate:${mandateId}`, async (client) =>
    toMandateDTO(await mandates.get(client, mandateId)),
  );
}
