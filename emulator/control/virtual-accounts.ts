// Sandbox: a bank wire arrives on a virtual account or banking alias (what a sender's bank would do).
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { receiveWire } from "../domain/virtual-accounts";
import { withStore } from "./with-store";

export function registerVirtualAccountControls(app: Hono, emu: Emulator): void {
  /** {Amount, WireReference?, OwnerName?} → the SUCCEEDED BANK_WIRE/EXTERNAL_INSTRUCTION pay-in. */
  app.post("/clients/:clientId/virtual-accounts/:id/wire", (c) =>
    withStore(c, emu, (store, body, now) =>
      receiveWire(
        emu,
        store,
        c.req.param("id"),
        {
          Amount: Number(body.Amount),
          WireReference: typeof body.WireReference === "string" ? body.WireReference : null,
          OwnerName: typeof body.OwnerName === "string" ? body.OwnerName : null,
        },
        now,
      ),
    ),
  );
}
