// The PCI tokenizer behind CardRegistrationURL (docs/mangopay-api.md §3.6): form-urlencoded card data in,
// plain-text "data=<token>" out, or "errorCode=<code>" like Payline's tokenizer.
import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { expiryValid, luhnValid } from "../domain/test-cards";

export const TOKENIZER_ERRORS = {
  INVALID_CARD_NUMBER: "02625",
  INVALID_EXPIRY: "02626",
  INVALID_CVV: "02627",
  INVALID_ACCESS_KEY: "09101",
  INVALID_DATA: "09102",
} as const;

export function registerTokenizer(app: Hono, emu: Emulator): void {
  app.post("/tokenizer/:clientId/:registrationId", async (c) => {
    const store = emu.client(c.req.param("clientId"));
    const registration = store?.cardRegistrations.get(c.req.param("registrationId"));
    const form = new URLSearchParams(await c.req.text());
    const answer = (text: string): Response => {
      const returnUrl = form.get("returnURL");
      if (returnUrl) return c.redirect(`${returnUrl}${returnUrl.includes("?") ? "&" : "?"}${text}`, 302);
      return c.text(text, 200);
    };
    if (!store || !registration || registration.Status !== "CREATED")
      return answer(`errorCode=${TOKENIZER_ERRORS.INVALID_DATA}`);
    if (form.get("accessKeyRef") !== registration.AccessKey)
      return answer(`errorCode=${TOKENIZER_ERRORS.INVALID_ACCESS_KEY}`);
    if (form.get("data") !== registration.PreregistrationData)
      return answer(`errorCode=${TOKENIZER_ERRORS.INVALID_DATA}`);
    const cardNumber = (form.get("cardNumber") ?? "").replace(/\s+/g, "");
    const expiry = form.get("cardExpirationDate") ?? "";
    const cvx = form.get("cardCvx") ?? "";
    if (!luhnValid(cardNumber)) return answer(`errorCode=${TOKENIZER_ERRORS.INVALID_CARD_NUMBER}`);
    if (!expiryValid(expiry, new Date(emu.clock.nowMs())))
      return answer(`errorCode=${TOKENIZER_ERRORS.INVALID_EXPIRY}`);
    if (!/^\d{3,4}$/.test(cvx)) return answer(`errorCode=${TOKENIZER_ERRORS.INVALID_CVV}`);
    const token = randomBytes(48).toString("base64url");
    store.tokenizations.set(token, { registrationId: registration.Id, cardNumber, expirationDate: expiry });
    return answer(`data=${token}`);
  });
}
