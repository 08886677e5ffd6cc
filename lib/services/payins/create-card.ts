import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { env } from "@/lib/server/env";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { assertSameCurrency, validCardOf, walletParty } from "@/lib/services/operations/parties";
import { runDirectPayIn } from "./internal";
import { CreateCardPayInInput } from "./schemas";

/** Charges one of the wallet owner's registered cards; a 3DS challenge comes back as a redirect URL to hand over. */
export async function createCardPayIn({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateCardPayInInput;
}): Promise<OperationDTO> {
  assertCan(ctx, "payins.create");
  const data = parseInput(CreateCardPayInInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const wallet = await walletParty(ctx, data.walletId);
  const card = await validCardOf(ctx, wallet.ownerId, data.cardId);
  assertSameCurrency(wallet.currency, card.Currency, "This card");
  return runDirectPayIn(ctx, data, wallet, {
    action: "payin.card.create",
    kind: "PAYIN_CARD",
    path: "/payins/card/direct",
    sourceId: card.Id,
    body: {
      CardId: card.Id,
      SecureModeReturnURL: `${env().APP_URL}/accounts/${ctx.account.id}/operations`,
      // Required for 3DS2. The payer is not at this browser: the operator's request describes the session.
      IpAddress: ctx.request.ip ?? "127.0.0.1",
      BrowserInfo: {
        AcceptHeader: "text/html",
        JavaEnabled: false,
        Language: "en",
        ColorDepth: 24,
        ScreenHeight: 1080,
        ScreenWidth: 1920,
        TimeZoneOffset: 0,
        UserAgent: (ctx.request.userAgent ?? "MANGOPAY dashboard").slice(0, 255),
        JavascriptEnabled: true,
      },
    },
  });
}
