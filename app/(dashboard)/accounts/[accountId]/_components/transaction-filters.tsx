import Link from "next/link";
import { TRANSACTION_NATURES, TRANSACTION_STATUSES, TRANSACTION_TYPES, type TransactionListQuery } from "@/lib/services/transactions/schemas";

const label = (s: string) => s.replaceAll("_", " ").toLowerCase().replace(/^\w/, (c) => c.toUpperCase());

function Select({ name, values, current, all }: { name: string; values: readonly string[]; current: string | undefined; all: string }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label(name)}
      <select name={name} defaultValue={current ?? ""} className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900">
        <option value="">{all}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The documented filters of transaction lists as a GET form: every filter lives in the URL. */
export function TransactionFilters({ action, query }: { action: string; query: TransactionListQuery }) {
  return (
    <form method="get" action={action} className="mb-3 flex flex-wrap items-end gap-3" aria-label="Filter transactions">
      <Select name="status" values={TRANSACTION_STATUSES} current={query.status} all="Any status" />
      <Select name="type" values={TRANSACTION_TYPES} current={query.type} all="Any type" />
      <Select name="nature" values={TRANSACTION_NATURES} current={query.nature} all="Any nature" />
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        From (UTC)
        <input type="date" name="from" defaultValue={query.from ?? ""} className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900" />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        To (UTC)
        <input type="date" name="to" defaultValue={query.to ?? ""} className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900" />
      </label>
      {query.perPage !== 20 ? <input type="hidden" name="perPage" value={query.perPage} /> : null}
      <button type="submit" className="h-9 rounded-md bg-slate-900 px-4 text-sm font-medium text-white hover:bg-slate-700">
        Apply
      </button>
      <Link href={action} className="h-9 px-2 py-2 text-sm text-slate-600 underline">
        Clear
      </Link>
    </form>
  );
}
