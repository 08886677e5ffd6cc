import "server-only";
// Settles a non-money MANGOPAY write (recordedMangopayCall) left PENDING by a process that died
// between the call and the record. A creation went with the row's idempotency key: MANGOPAY's stored
// answer says what happened. An update carries no key: the object is read back and the change counts
// as made when every field it set shows the sent value. Never re-sent.
import { z } from "zod";
import { responses } from "@/lib/mangopay";
import type { AuditScope } from "@/lib/server/audit";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { callMangopay } from "@/lib/services/upstream";
import type { OperationRow } from "./dto";
import { readOutcome } from "./outcome";
import type { ConfirmValue, RecordedConfirm } from "./recorded-call";
import { settleOperation } from "./record-outcome";

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const RecordedRequest = z.object({
  confirm: z.discriminatedUnion("by", [
    z.object({ by: z.literal("response") }),
    z.object({
      by: z.literal("read"),
      path: z.string().startsWith("/"),
      params: z.record(z.string(), z.string()),
      expect: z.record(z.string(), Scalar),
      listed: z.object({ field: z.string(), item: z.record(z.string(), Scalar) }).optional(),
    }),
  ]),
  targetId: z.string().nullish(),
});

/** The confirmation stored by recordedMangopayCall, or null for a money operation (or an older row). */
export function recordedConfirmOf(row: Pick<OperationRow, "kind" | "request">): {
  confirm: RecordedConfirm;
  targetId: string | null;
} | null {
  if (row.kind !== null) return null;
  const parsed = RecordedRequest.safeParse(row.request);
  return parsed.success ? { confirm: parsed.data.confirm, targetId: parsed.data.targetId ?? null } : null;
}

const Read = z.looseObject({ Id: z.union([z.string(), z.number()]).transform(String) });
const same = (actual: unknown, expected: ConfirmValue) =>
  expected === null ? actual === null || actual === undefined : actual === expected;

const NOT_MADE =
  "MANGOPAY has no record of this change (checked after the grace period): it was not made. Nothing else was changed.";

export async function reconcileRecordedCall(
  row: OperationRow,
  recorded: { confirm: RecordedConfirm; targetId: string | null },
  trigger: "view" | "sweep",
  scope: AuditScope | null,
  pastGrace: boolean,
): Promise<OperationRow> {
  const { confirm, targetId } = recorded;
  try {
    const client = await mangopayClientFor(row.hubId, row.apiAccountId);
    if (confirm.by === "response") {
      const stored = await callMangopay(() => responses.get(client, row.idempotencyKey));
      if (stored && stored.StatusCode >= 200 && stored.StatusCode < 300) {
        // Adding a page answers without a body: the document named at the intent is the object.
        const outcome =
          readOutcome(stored.Resource) ??
          (targetId
            ? { upstreamId: targetId, upstreamStatus: null, resultCode: null, resultMessage: null, resultData: {} }
            : null);
        return outcome ? settleOperation(scope, row, { kind: "answered", outcome }, trigger) : row;
      }
      if (stored) {
        const resource = (stored.Resource ?? {}) as { Type?: unknown; Message?: unknown };
        return settleOperation(
          scope,
          row,
          {
            kind: "refused",
            code: typeof resource.Type === "string" ? resource.Type : `HTTP_${stored.StatusCode}`,
            message:
              typeof resource.Message === "string"
                ? `MANGOPAY refused the request: ${resource.Message}`
                : `MANGOPAY refused the request (HTTP ${stored.StatusCode}).`,
          },
          trigger,
        );
      }
    } else {
      const response = await callMangopay(() =>
        client.request({ method: "GET", path: confirm.path, params: confirm.params }),
      );
      const body = response.body as Record<string, unknown>;
      const read = Read.safeParse(body);
      const listed = confirm.listed;
      const inList =
        !listed ||
        (Array.isArray(body[listed.field]) &&
          (body[listed.field] as unknown[]).some((item) =>
            Object.entries(listed.item).every(([k, v]) => same((item as Record<string, unknown> | null)?.[k], v)),
          ));
      if (read.success && inList && Object.entries(confirm.expect).every(([k, v]) => same(body[k], v))) {
        const outcome = {
          upstreamId: read.data.Id,
          upstreamStatus: typeof body.Status === "string" ? body.Status : null,
          resultCode: null,
          resultMessage: null,
          resultData: {},
        };
        return settleOperation(scope, row, { kind: "answered", outcome }, trigger);
      }
    }
  } catch {
    return row; // MANGOPAY unreachable or the object unreadable: try again on the next sweep
  }
  if (!pastGrace) return row;
  return settleOperation(scope, row, { kind: "not_sent", code: "NOT_RECEIVED", message: NOT_MADE }, trigger);
}
