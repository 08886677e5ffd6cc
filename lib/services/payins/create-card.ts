import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { env } from "@/lib/server/env";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { feesToMinor, toMinor } from "@/lib/services/operations/inputs";
import { runMoneyOperation } from "@/lib/services/operations/money-operation";
import { assertSameCurrency, validCardOf, walletParty } from "@/lib/services/operations/parties";
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
  const amountMinor = toMinor(data.amount, wallet.currency, "amount");
  const feesMinor = feesToMinor(data.fees, wallet.currency, amountMinor);
  return runMoneyOperation(ctx, {
    action: "payin.card.create",
    kind: "PAYIN_CARD",
    operationKey: data.operationKey,
    amountMinor,
    feesMinor,
    currency: wallet.currency,
    sourceId: card.Id,
    destinationId: wallet.id,
    request: {
      path: "/payins/card/direct",
      params: {},
      body: {
        AuthorId: wallet.ownerId,
        CreditedWalletId: wallet.id,
        DebitedFunds: { Currency: wallet.currency, Amount: amountMinor },
        Fees: { Currency: wallet.currency, Amount: feesMinor },
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
    },
  });
}
