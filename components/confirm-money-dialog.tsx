"use client";

// The last step before money moves: amount, fees, currency, source and destination as the server will
// receive them, and — on a production account — a red warning that this is real money.
import { Money } from "@/components/money";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";

export type MoneySummary = {
  /** What the operator does, e.g. "Pay out". */
  verb: string;
  amountMinor: number | null;
  /** Shown when the amount is "everything left" (a full refund). */
  amountLabel?: string;
  feesMinor: number | null;
  currency: string;
  source: string;
  destination: string;
  details?: { label: string; value: string }[];
};

export function ConfirmMoneyDialog({
  open,
  onOpenChange,
  summary,
  isProduction,
  pending,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  summary: MoneySummary;
  isProduction: boolean;
  pending: boolean;
  onConfirm: () => void;
}) {
  const row = (label: string, value: React.ReactNode) => (
    <div className="contents">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={`Confirm: ${summary.verb}`} data-testid="confirm-money-dialog">
        {isProduction ? (
          <p className="mb-3 rounded-md bg-red-600 px-3 py-2 text-sm font-semibold text-white" role="alert">
            Production account: this moves real money and cannot be undone from here.
          </p>
        ) : null}
        <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="confirm-money-summary">
          {row(
            "Amount",
            summary.amountMinor !== null ? (
              <Money amountMinor={summary.amountMinor} currency={summary.currency} />
            ) : (
              (summary.amountLabel ?? "—")
            ),
          )}
          {row(
            "Fees",
            summary.feesMinor !== null ? <Money amountMinor={summary.feesMinor} currency={summary.currency} /> : "none",
          )}
          {row("Currency", summary.currency)}
          {row("From", <span className="font-mono break-all">{summary.source}</span>)}
          {row("To", <span className="font-mono break-all">{summary.destination}</span>)}
          {summary.details?.map((d) => row(d.label, d.value))}
        </dl>
        <div className="mt-5 flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              Back
            </Button>
          </DialogClose>
          <Button
            type="button"
            variant={isProduction ? "danger" : "primary"}
            disabled={pending}
            onClick={onConfirm}
            data-testid="confirm-money"
          >
            {pending ? "Sending…" : `Confirm: ${summary.verb}`}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
