import { CopyableId } from "@/components/copyable-id";
import Link from "@/components/intent-link";
import { MaybeMoney } from "@/components/money";
import { StatusBadge } from "@/components/status-badge";

/**
 * One search result: what it is, its Id, its status, a line about it (with its amount), where it was
 * found, and the page it opens. Every way of searching (by Id at MANGOPAY, in the mirror by user or by
 * object) shows its results with it.
 */
export function SearchHitCard({
  testId,
  data,
  label,
  id,
  status,
  summary,
  amount,
  source,
  link,
}: {
  testId: string;
  /** data-* attributes that tell results apart (their type or kind). */
  data?: Record<`data-${string}`, string>;
  label: string;
  id: string;
  status?: string | null;
  summary: React.ReactNode;
  amount?: { amountMinor: number; currency: string } | null;
  /** Where the result comes from, when not MANGOPAY itself (the mirror and its freshness). */
  source?: string;
  link: { href: string; label: string } | null;
}) {
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid={testId}
      {...data}
    >
      <div className="space-y-1">
        <p className="flex items-center gap-2">
          <span className="font-semibold">{label}</span>
          <CopyableId id={id} />
          {status ? <StatusBadge status={status} /> : null}
        </p>
        <p className="text-sm text-slate-600">
          {summary}
          {amount ? (
            <>
              {" · "}
              <MaybeMoney value={amount} />
            </>
          ) : null}
        </p>
        {source ? <p className="text-xs text-slate-500">{source}</p> : null}
      </div>
      {link ? (
        <Link href={link.href} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
          {link.label}
        </Link>
      ) : null}
    </li>
  );
}
