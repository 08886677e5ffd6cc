"use client";

// One money form in a dialog: fill → review in the confirmation dialog → send once. The form's
// operation key is generated when the dialog opens and travels in a hidden field, so a double click,
// a resubmit or a browser retry maps to the same operation on the server (docs/operations.md).
import { useState, useTransition } from "react";
import { ConfirmMoneyDialog, type MoneySummary } from "@/components/confirm-money-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { announceOutcome } from "@/components/use-dialog-action";
import { dashboardPaths, isClientWallet } from "@/lib/dashboard-paths";
import type { ActionResult } from "@/lib/server/action";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { OperationOutcome } from "./operation-outcome";

export type MoneyField =
  | { kind: "amount"; name: string; label: string; optional?: boolean; hint?: string }
  | {
      kind: "text";
      name: string;
      label: string;
      optional?: boolean;
      maxLength?: number;
      hint?: string;
      /** Offered while typing (a datalist): e.g. wallets recently transferred to. */
      suggestions?: string[];
    }
  | { kind: "select"; name: string; label: string; options: { value: string; label: string }[]; hint?: string };

type ServerAction = (prev: ActionResult<OperationDTO> | null, form: FormData) => Promise<ActionResult<OperationDTO>>;

function createdHref(accountId: string, o: OperationDTO): string {
  const paths = dashboardPaths(accountId);
  if (!o.upstreamId) return paths.operation(o.id);
  if (o.kind === "WALLET") return isClientWallet(o.upstreamId) ? paths.operation(o.id) : paths.wallet(o.upstreamId);
  return paths.transaction(o.upstreamId);
}

function MoneyFormBody({
  title,
  accountId,
  isProduction,
  action,
  hidden,
  fields,
  defaults = {},
  summarize,
}: {
  title: string;
  description?: string;
  accountId: string;
  isProduction: boolean;
  action: ServerAction;
  /** Fixed ids sent with the form (wallet, transaction, dispute…). */
  hidden: Record<string, string>;
  fields: MoneyField[];
  defaults?: Record<string, string>;
  /** The confirmation's content, or an error message for the form when the values cannot be read. */
  summarize: (values: Record<string, string>) => MoneySummary | string;
  testId?: string;
}) {
  // Mounted each time the dialog opens: a new form, a new operation ("Repeat" and a second payout get their own key).
  const [operationKey] = useState(() => crypto.randomUUID());
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const [summary, setSummary] = useState<MoneySummary | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult<OperationDTO> | null>(null);
  const [pending, startTransition] = useTransition();

  const review = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const read = Object.fromEntries([...data.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
    const s = summarize(read);
    if (typeof s === "string") {
      setFormError(s);
      return;
    }
    setFormError(null);
    setValues(read);
    setSummary(s);
  };

  const send = () => {
    if (!values || pending) return;
    const form = new FormData();
    for (const [k, v] of Object.entries(values)) form.set(k, v);
    startTransition(async () => {
      const res = await action(null, form);
      setResult(res);
      setSummary(null);
      if (!res.ok) return;
      const o = res.data;
      const failed = o.status === "FAILED" || o.status === "NOT_SENT";
      announceOutcome({
        tone: failed ? "error" : o.status === "SUCCEEDED" ? "success" : "info",
        title: failed
          ? `${title} failed: ${o.resultMessage ?? "refused by MANGOPAY"}`
          : `${title}: ${o.upstreamStatus === "CREATED" ? "created, waiting for the money" : o.status.toLowerCase()}`,
        href: failed ? dashboardPaths(accountId).operation(o.id) : createdHref(accountId, o),
        linkLabel: failed ? "See the operation" : `Open ${o.upstreamId ?? "the operation"}`,
      });
    });
  };

  const done = result?.ok ? result.data : null;
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <>
      {done ? (
        <div className="space-y-4">
          <OperationOutcome accountId={accountId} operation={done} />
          <div className="flex justify-end">
            <DialogClose asChild>
              <Button type="button">Close</Button>
            </DialogClose>
          </div>
        </div>
      ) : (
        <form onSubmit={review} className="space-y-3" noValidate>
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="operationKey" value={operationKey} />
          {Object.entries(hidden).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          {result && !result.ok ? <FormAlert>{result.error}</FormAlert> : null}
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          {fields.map((f) => {
            const id = `money-${f.name}`;
            const describedBy = fieldErrors?.[f.name] ? `${id}-error` : undefined;
            return (
              <div key={f.name} className="space-y-1">
                <Label htmlFor={id}>
                  {f.label}
                  {"optional" in f && f.optional ? <span className="text-slate-400"> (optional)</span> : null}
                </Label>
                {f.kind === "select" ? (
                  <NativeSelect
                    id={id}
                    name={f.name}
                    defaultValue={defaults[f.name] ?? f.options[0]?.value}
                    aria-describedby={describedBy}
                    aria-invalid={!!describedBy}
                  >
                    {f.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </NativeSelect>
                ) : (
                  <Input
                    id={id}
                    name={f.name}
                    defaultValue={defaults[f.name] ?? ""}
                    inputMode={f.kind === "amount" ? "decimal" : undefined}
                    autoComplete="off"
                    maxLength={f.kind === "text" ? f.maxLength : 32}
                    list={f.kind === "text" && f.suggestions?.length ? `${id}-suggestions` : undefined}
                    required={!f.optional}
                    aria-describedby={describedBy}
                    aria-invalid={!!describedBy}
                  />
                )}
                {f.kind === "text" && f.suggestions?.length ? (
                  <datalist id={`${id}-suggestions`}>
                    {f.suggestions.map((v) => (
                      <option key={v} value={v} />
                    ))}
                  </datalist>
                ) : null}
                {f.hint ? <p className="text-xs text-slate-500">{f.hint}</p> : null}
                <FieldError id={`${id}-error`} errors={fieldErrors} name={f.name} />
              </div>
            );
          })}
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={!operationKey || pending} data-testid="money-review">
              Review
            </Button>
          </div>
        </form>
      )}
      {summary ? (
        <ConfirmMoneyDialog
          open
          onOpenChange={(o) => (o ? undefined : setSummary(null))}
          summary={summary}
          isProduction={isProduction}
          pending={pending}
          onConfirm={send}
        />
      ) : null}
    </>
  );
}

type MoneyFormDialogProps = Parameters<typeof MoneyFormBody>[0] & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

export function MoneyFormDialog({ open, onOpenChange, ...props }: MoneyFormDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={props.title} description={props.description} data-testid={props.testId}>
        <MoneyFormBody {...props} />
      </DialogContent>
    </Dialog>
  );
}
