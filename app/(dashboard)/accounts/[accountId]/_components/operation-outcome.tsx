import Link from "@/components/intent-link";
import { FormAlert } from "@/components/ui/form-message";
import { dashboardPaths } from "@/lib/dashboard-paths";
import type { OperationDTO } from "@/lib/services/operations/dto";

/**
 * What an operation came to, in words: MANGOPAY's result message for a FAILED one (never shown as a
 * success), the bank details and wire reference of a bank-wire pay-in, a 3DS URL to hand to the payer.
 */
export function OperationOutcome({ accountId, operation: o }: { accountId: string; operation: OperationDTO }) {
  const link = (
    <Link href={dashboardPaths(accountId).operation(o.id)} className="underline">
      operation details
    </Link>
  );
  if (o.status === "FAILED" || o.status === "NOT_SENT") {
    return (
      <FormAlert tone="error" data-testid="operation-outcome" data-status={o.status}>
        {o.status === "FAILED" ? "Failed" : "Not sent"}: {o.resultMessage ?? "MANGOPAY refused the operation."}
        {o.resultCode ? ` (code ${o.resultCode})` : ""}. See the {link}.
      </FormAlert>
    );
  }
  if (o.status === "PENDING" || o.status === "AWAITING_APPROVAL") {
    return (
      <FormAlert tone="info" data-testid="operation-outcome" data-status={o.status}>
        {o.status === "PENDING"
          ? "Sent; MANGOPAY's answer is not recorded yet. It is checked again automatically — do not repeat it."
          : "Waiting for approval."}{" "}
        See the {link}.
      </FormAlert>
    );
  }
  return (
    <FormAlert tone="success" data-testid="operation-outcome" data-status={o.status}>
      <p>
        {o.upstreamStatus === "CREATED" ? "Created at MANGOPAY (waiting for the money)" : "Done"}: MANGOPAY id{" "}
        <span className="font-mono" data-testid="operation-upstream-id">
          {o.upstreamId}
        </span>
        . See the {link}.
      </p>
      {o.wireReference ? (
        <div className="mt-2 space-y-0.5" data-testid="wire-instructions">
          <p className="font-medium">Give the payer these bank details:</p>
          {o.bankAccount?.ownerName ? <p>Beneficiary: {o.bankAccount.ownerName}</p> : null}
          {o.bankAccount?.iban ? <p>IBAN: {o.bankAccount.iban}</p> : null}
          {o.bankAccount?.bic ? <p>BIC: {o.bankAccount.bic}</p> : null}
          <p>
            Wire reference (mandatory): <strong data-testid="wire-reference">{o.wireReference}</strong>
          </p>
        </div>
      ) : null}
      {o.redirectUrl ? (
        <p className="mt-2">
          3D Secure required: send the payer to{" "}
          <a href={o.redirectUrl} className="break-all underline" rel="noreferrer" target="_blank">
            {o.redirectUrl}
          </a>
        </p>
      ) : null}
    </FormAlert>
  );
}
