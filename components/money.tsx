import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/cn";

/** An amount in minor units, formatted for its currency (JPY has no decimals). */
export function Money({
  amountMinor,
  currency,
  className,
}: {
  amountMinor: number;
  currency: string;
  className?: string;
}) {
  return (
    <span
      className={cn("whitespace-nowrap tabular-nums", amountMinor < 0 && "text-red-700", className)}
      data-amount-minor={amountMinor}
      data-currency={currency}
    >
      {formatMoney(amountMinor, currency)}
    </span>
  );
}

/** A nullable money DTO, with a dash when absent. */
export function MaybeMoney({
  value,
  className,
}: {
  value: { amountMinor: number; currency: string } | null | undefined;
  className?: string;
}) {
  return value ? (
    <Money amountMinor={value.amountMinor} currency={value.currency} className={className} />
  ) : (
    <span className="text-slate-400">—</span>
  );
}
