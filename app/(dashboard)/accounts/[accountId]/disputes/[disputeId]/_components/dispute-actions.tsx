"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Label } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { announceOutcome } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { ACCEPTED_PAGE_TYPES, pageProblem } from "@/lib/document-files";
import { formatMoney, minorDigits } from "@/lib/money";
import type { DisputeActions as Allowed } from "@/lib/services/disputes/allowed-actions";
import { DISPUTE_DOCUMENT_TYPES } from "@/lib/mangopay/values";
import { readFileBase64, TextField } from "../../../_components/form-fields";
import {
  addDisputeDocumentPageAction,
  closeDisputeAction,
  contestDisputeAction,
  createDisputeDocumentAction,
  resubmitDisputeAction,
  submitDisputeDocumentAction,
} from "../actions";

type Props = {
  accountId: string;
  disputeId: string;
  allowed: Allowed;
  disputed: { amountMinor: number; currency: string };
};
type Evidence = { type: (typeof DISPUTE_DOCUMENT_TYPES)[number]; files: File[] };
type Errors = Record<string, string[]> | undefined;

const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replaceAll("_", " ");

/** Evidence documents by type, several pages each (checked against MANGOPAY's rules before upload). */
function EvidenceRows({ rows, setRows }: { rows: Evidence[]; setRows: (rows: Evidence[]) => void }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">Evidence documents</legend>
      {rows.map((row, i) => (
        <div key={i} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          <div className="space-y-1.5">
            <Label htmlFor={`doc-type-${i}`}>Document {i + 1} type</Label>
            <NativeSelect
              id={`doc-type-${i}`}
              value={row.type}
              onChange={(e) =>
                setRows(rows.map((r, j) => (j === i ? { ...r, type: e.target.value as Evidence["type"] } : r)))
              }
            >
              {DISPUTE_DOCUMENT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {label(t)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={`doc-files-${i}`}>Document {i + 1} pages</Label>
            <input
              id={`doc-files-${i}`}
              type="file"
              multiple
              accept={ACCEPTED_PAGE_TYPES}
              className="text-sm"
              onChange={(e) =>
                setRows(rows.map((r, j) => (j === i ? { ...r, files: [...(e.target.files ?? [])] } : r)))
              }
            />
          </div>
        </div>
      ))}
      <Button
        type="button"
        size="sm"
        variant="ghost"
        onClick={() => setRows([...rows, { type: "INVOICE", files: [] }])}
      >
        + Another document
      </Button>
    </fieldset>
  );
}

/** Uploads each document (open → pages → submit); stops at the first refusal and says which. */
async function uploadEvidence(ids: { accountId: string; disputeId: string }, rows: Evidence[]): Promise<string | null> {
  const withFiles = rows.filter((r) => r.files.length > 0);
  const pages: string[][] = [];
  for (const row of withFiles) {
    const encoded: string[] = [];
    for (const file of row.files) {
      const problem = pageProblem(new Uint8Array(await file.arrayBuffer()), false);
      if (problem) return `${file.name}: ${problem}`;
      encoded.push(await readFileBase64(file));
    }
    pages.push(encoded);
  }
  for (const [i, row] of withFiles.entries()) {
    const doc = await createDisputeDocumentAction(null, { ...ids, type: row.type });
    if (!doc.ok) return `${label(row.type)}: ${doc.error}`;
    for (const file of pages[i] ?? []) {
      const added = await addDisputeDocumentPageAction(null, { ...ids, documentId: doc.data.id, file });
      if (!added.ok) return `${label(row.type)}: ${added.error}`;
    }
    const sent = await submitDisputeDocumentAction(null, { ...ids, documentId: doc.data.id });
    if (!sent.ok) return `${label(row.type)}: ${sent.error}`;
  }
  return null;
}

export function DisputeActions({ accountId, disputeId, allowed, disputed }: Props) {
  const router = useRouter();
  const ids = { accountId, disputeId };
  const digits = minorDigits(disputed.currency);
  const full = (disputed.amountMinor / 10 ** digits).toFixed(digits);
  const [open, setOpen] = useState<null | "contest" | "resubmit" | "close">(null);
  const [rows, setRows] = useState<Evidence[]>([{ type: "INVOICE", files: [] }]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>();

  async function run(kind: "contest" | "resubmit" | "close", form: HTMLFormElement) {
    setError(null);
    setErrors(undefined);
    setPending(true);
    try {
      if (kind !== "close") {
        const refused = await uploadEvidence(ids, rows);
        if (refused) return setError(refused);
      }
      const result =
        kind === "contest"
          ? await contestDisputeAction(null, { ...ids, amount: String(new FormData(form).get("amount") ?? "") })
          : kind === "resubmit"
            ? await resubmitDisputeAction(null, ids)
            : await closeDisputeAction(null, ids);
      if (!result.ok) return (setErrors(result.fieldErrors), setError(result.error));
      setOpen(null);
      announceOutcome({
        title: `Dispute ${result.data.id} is now ${label(result.data.status)}.`,
        href: dashboardPaths(accountId).dispute(result.data.id),
        linkLabel: `Open ${result.data.id}`,
      });
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  const dialog = (kind: "contest" | "resubmit" | "close", trigger: string, title: string, body: React.ReactNode) => (
    <Dialog
      open={open === kind}
      onOpenChange={(next) => {
        setOpen(next ? kind : null);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button
          size="sm"
          variant={kind === "close" ? "ghost" : "secondary"}
          className={kind === "close" ? "text-red-700" : ""}
        >
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <form
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(kind, e.currentTarget);
          }}
        >
          {body}
          {error ? <FormAlert>{error}</FormAlert> : null}
          <DialogFormActions
            pending={pending}
            label={kind === "close" ? "Accept and close" : "Submit to MANGOPAY"}
            pendingLabel="Sending to MANGOPAY…"
            danger={kind === "close"}
          />
        </form>
      </DialogContent>
    </Dialog>
  );

  // After a success the page re-renders with fewer (or no) actions; the toast says what happened.
  if (!allowed.contest && !allowed.resubmit && !allowed.close) return null;
  return (
    <section aria-label="Dispute actions" data-testid="dispute-actions" className="flex flex-wrap items-start gap-2">
      {allowed.contest
        ? dialog(
            "contest",
            "Contest dispute",
            "Contest this dispute",
            <>
              <div className="space-y-1.5">
                <TextField
                  name="amount"
                  label={`Amount to contest (${disputed.currency}, up to ${formatMoney(disputed.amountMinor, disputed.currency)})`}
                  errors={errors}
                  defaultValue={full}
                  inputMode="decimal"
                />
                <FieldError name="amount" errors={errors} />
              </div>
              <EvidenceRows rows={rows} setRows={setRows} />
            </>,
          )
        : null}
      {allowed.resubmit
        ? dialog(
            "resubmit",
            "Submit again",
            "Submit the reopened dispute again",
            <EvidenceRows rows={rows} setRows={setRows} />,
          )
        : null}
      {allowed.close
        ? dialog(
            "close",
            "Close (accept)",
            "Accept this dispute?",
            <p className="text-sm text-slate-700">
              Closing accepts the chargeback of {formatMoney(disputed.amountMinor, disputed.currency)}: it can no longer
              be contested.
            </p>,
          )
        : null}
    </section>
  );
}
