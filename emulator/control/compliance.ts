// Compliance sandbox operations: decide KYC documents and UBO declarations, open a dispute on a
// pay-in, move a dispute to any status, review dispute documents. Same domain functions as the API.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { ApiError } from "../core/errors";
import { getDisputeDocument, reviewDisputeDocument } from "../domain/dispute-documents";
import { getDispute, moveDispute, openDispute } from "../domain/disputes";
import { decideKyc, getKycDocument, outdateKyc } from "../domain/kyc";
import { decideUbo, getUboDeclaration } from "../domain/ubo";
import {
  DISPUTE_REASONS,
  DISPUTE_STATUSES,
  DISPUTE_TYPES,
  KYC_REFUSED_REASONS,
  UBO_REASONS,
  type DisputeResult,
  type KycRefusedReason,
  type UboReason,
} from "../store/compliance-types";
import { pick, withStore } from "./with-store";

function str(raw: unknown): string | null {
  return typeof raw === "string" ? raw : null;
}

function registerKycControls(app: Hono, emu: Emulator): void {
  const base = "/clients/:clientId/kyc/documents/:id";
  app.post(`${base}/validate`, (c) =>
    withStore(c, emu, (store, _b, now) =>
      decideKyc(emu, store, getKycDocument(store, c.req.param("id")), { validated: true }, now),
    ),
  );
  app.post(`${base}/refuse`, (c) =>
    withStore(c, emu, (store, body, now) => {
      const reason: KycRefusedReason =
        pick(KYC_REFUSED_REASONS, body.RefusedReasonType, "RefusedReasonType") ?? "DOCUMENT_UNREADABLE";
      return decideKyc(
        emu,
        store,
        getKycDocument(store, c.req.param("id")),
        { validated: false, reason },
        now,
        str(body.RefusedReasonMessage),
      );
    }),
  );
  app.post(`${base}/outdate`, (c) =>
    withStore(c, emu, (store, _b, now) => outdateKyc(emu, store, getKycDocument(store, c.req.param("id")), now)),
  );

  const ubo = "/clients/:clientId/ubodeclarations/:id";
  app.post(`${ubo}/validate`, (c) =>
    withStore(c, emu, (store, _b, now) =>
      decideUbo(emu, store, getUboDeclaration(store, c.req.param("id")), { status: "VALIDATED" }, now),
    ),
  );
  for (const action of ["refuse", "incomplete"] as const) {
    app.post(`${ubo}/${action}`, (c) =>
      withStore(c, emu, (store, body, now) => {
        const reason: UboReason =
          pick(UBO_REASONS, body.Reason, "Reason") ?? (action === "refuse" ? "SPECIFIC_CASE" : "MISSING_UBO");
        const status = action === "refuse" ? "REFUSED" : "INCOMPLETE";
        return decideUbo(
          emu,
          store,
          getUboDeclaration(store, c.req.param("id")),
          { status, reason, message: str(body.Message) },
          now,
        );
      }),
    );
  }
}

function registerDisputeControls(app: Hono, emu: Emulator): void {
  app.post("/clients/:clientId/disputes", (c) =>
    withStore(c, emu, (store, body, now) => {
      const payInId = str(body.PayInId);
      if (!payInId) throw new ApiError(400, "param_error", "PayInId is required", { PayInId: "required" });
      const amount = typeof body.Amount === "number" ? body.Amount : undefined;
      const days = typeof body.DeadlineDays === "number" ? body.DeadlineDays : undefined;
      return openDispute(
        emu,
        store,
        {
          PayInId: payInId,
          DisputeType: pick(DISPUTE_TYPES, body.DisputeType, "DisputeType"),
          DisputeReasonType: pick(DISPUTE_REASONS, body.DisputeReasonType, "DisputeReasonType"),
          DisputeReasonMessage: str(body.DisputeReasonMessage),
          Amount: amount,
          DeadlineDays: days,
          RepudiationFails: body.RepudiationFails === true,
        },
        now,
        body.advance === false ? "never" : "later",
      );
    }),
  );
  app.post("/clients/:clientId/disputes/:id/status", (c) =>
    withStore(c, emu, (store, body, now) => {
      const status = pick(DISPUTE_STATUSES, body.Status, "Status");
      if (!status) throw new ApiError(400, "param_error", "Status is required", { Status: "required" });
      const result = pick(["LOST", "WON", "VOID"] as const, body.ResultCode, "ResultCode") as DisputeResult | undefined;
      return moveDispute(emu, store, getDispute(store, c.req.param("id")), status, now, {
        ResultCode: result,
        ResultMessage: str(body.ResultMessage) ?? undefined,
        StatusMessage: str(body.StatusMessage) ?? undefined,
      });
    }),
  );
  for (const action of ["validate", "refuse"] as const) {
    app.post(`/clients/:clientId/dispute-documents/:id/${action}`, (c) =>
      withStore(c, emu, (store, _b, now) =>
        reviewDisputeDocument(emu, store, getDisputeDocument(store, c.req.param("id")), action === "validate", now),
      ),
    );
  }
}

export function registerComplianceControls(app: Hono, emu: Emulator): void {
  registerKycControls(app, emu);
  registerDisputeControls(app, emu);
}
