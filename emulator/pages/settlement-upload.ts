// The pre-signed upload URL of a pay-in intent settlement (UploadUrl): MANGOPAY's is an S3 URL authenticated by its
// query string, answered 200 with an empty body. Here `PUT /settlement-uploads/{clientId}/{settlementId}?token=…`
// takes the CSV and processes it at once (domain/intent-settlements.ts). The same URL takes a corrected file while
// nothing was matched; an unknown or replaced URL, or one of a matched or cancelled settlement, is 403.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { uploadSettlementFile } from "../domain/intent-settlements";

export function registerSettlementUploadPage(app: Hono, emu: Emulator): void {
  app.put("/settlement-uploads/:clientId/:id", async (c) => {
    const store = emu.client(c.req.param("clientId"));
    const text = await c.req.text();
    const accepted =
      store !== undefined &&
      uploadSettlementFile(emu, store, c.req.param("id"), c.req.query("token") ?? "", text, emu.clock.now());
    if (!accepted) return c.text("This upload URL is not valid (unknown, replaced, or the file was processed).", 403);
    return c.body(null, 200);
  });
}
