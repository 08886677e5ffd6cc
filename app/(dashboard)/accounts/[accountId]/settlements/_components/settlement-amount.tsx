import { Money } from "@/components/money";

/**
 * A settlement's amount. MANGOPAY's settlement carries no currency (the file's footer names it): with a matched
 * intent's currency the amount is formatted as money, otherwise it is shown as sent, in minor units.
 */
export function SettlementAmount({ minor, currency }: { minor: number | null; currency: string | null }) {
  if (minor === null) return <span className="text-slate-400">—</span>;
  if (currency) return <Money amountMinor={minor} currency={currency} />;
  return (
    <span className="whitespace-nowrap tabular-nums" data-amount-minor={minor}>
      {minor.toLocaleString("en-GB")} <span className="text-xs text-slate-500">minor units</span>
    </span>
  );
}
