/** Downloads a transaction's PDF receipt (the route checks session and permission, and audits it). */
export function ReceiptLink({
  accountId,
  transactionId,
  kind,
}: {
  accountId: string;
  transactionId: string;
  kind: string;
}) {
  const href = `/accounts/${encodeURIComponent(accountId)}/transactions/${encodeURIComponent(transactionId)}/receipt?kind=${encodeURIComponent(kind)}`;
  return (
    <a
      href={href}
      download
      data-testid="receipt-link"
      className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100"
    >
      Download receipt (PDF)
    </a>
  );
}
