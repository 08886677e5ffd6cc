// Pages MANGOPAY serves from other hosts, served here: the card tokenizer (CardRegistrationURL),
// the 3DS challenge (SecureModeRedirectURL), the mandate confirmation and card web payment pages (RedirectURL),
// the SCA session (PendingUserAction.RedirectUrl), the alternative payment methods' page (RedirectURL),
// the settlement file upload URL (UploadUrl).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { registerApmPages } from "./apm-page";
import { registerIdentityVerificationPages } from "./idv-page";
import { registerCardWebPage } from "./card-web-page";
import { registerMandatePages } from "./mandate-page";
import { registerScaPages } from "./sca-page";
import { registerSettlementUploadPage } from "./settlement-upload";
import { registerThreeDsPages } from "./three-ds-page";
import { registerTokenizer } from "./tokenizer";

export function buildPagesApp(emu: Emulator): Hono {
  const app = new Hono();
  registerTokenizer(app, emu);
  registerThreeDsPages(app, emu);
  registerMandatePages(app, emu);
  registerCardWebPage(app, emu);
  registerScaPages(app, emu);
  registerApmPages(app, emu);
  registerIdentityVerificationPages(app, emu);
  registerSettlementUploadPage(app, emu);
  return app;
}
