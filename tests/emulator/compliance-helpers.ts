// Helpers shared by the compliance, dispute and report emulator tests (files, card pay-ins, polling).
import { BROWSER_INFO, fund, registerCard, str, type Api, type ApiResponse } from "./helpers";

export { eventTypesFor } from "./helpers";

/** Base64 of a fake PNG of `bytes` bytes: the magic number is what the emulator checks. */
export function pngBase64(bytes: number): string {
  const buf = Buffer.alloc(bytes, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(buf);
  return buf.toString("base64");
}

/** A succeeded card pay-in of `amount` EUR cents to the wallet, paid by the user's new card. */
export async function cardPayIn(api: Api, userId: string, walletId: string, amount: number, fees = 0): Promise<string> {
  const card = await registerCard(api, userId);
  const res = await api.call("POST", "/payins/card/direct", {
    AuthorId: userId,
    CreditedWalletId: walletId,
    DebitedFunds: { Currency: "EUR", Amount: amount },
    Fees: { Currency: "EUR", Amount: fees },
    CardId: str(card.CardId),
    SecureModeReturnURL: "https://example.com/return",
    BrowserInfo: BROWSER_INFO,
    IpAddress: "127.0.0.1",
  });
  if (str(res.body.Status) !== "SUCCEEDED") throw new Error(`card pay-in failed: ${JSON.stringify(res.body)}`);
  return str(res.body.Id);
}

export { fund };

/** Polls `get` until `done` holds (bounded: 150 tries, 20 ms apart; the CI machine may be loaded). */
export async function waitFor(
  get: () => Promise<ApiResponse>,
  done: (r: ApiResponse) => boolean,
): Promise<ApiResponse> {
  let last = await get();
  for (let i = 0; i < 150 && !done(last); i++) {
    await new Promise((r) => setTimeout(r, 20));
    last = await get();
  }
  return last;
}
