import Link from "@/components/intent-link";
import { cn } from "@/lib/cn";
import type { PageDTO } from "@/lib/services/mangopay/inputs";

type Query = Record<string, string | string[] | undefined>;

/** The current URL's query with some keys replaced (undefined removes them). */
export function hrefWith(pathname: string, query: Query, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k in changes) continue;
    if (Array.isArray(v)) v.forEach((x) => params.append(k, x));
    else if (v !== undefined && v !== "") params.set(k, v);
  }
  for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100";
const disabledClass = "rounded-md border border-slate-200 px-3 py-1 text-sm text-slate-300";

/** Previous/next and page size, all kept in the URL (`page`, `perPage`) so a page can be shared. */
export function Pagination({
  pathname,
  query,
  result,
  sizes = [10, 20, 50, 100],
}: {
  pathname: string;
  query: Query;
  /** The page a list verb returned (a server component: the items never reach the browser). */
  result: Pick<PageDTO<unknown>, "items" | "page" | "perPage" | "totalPages" | "totalItems">;
  sizes?: readonly number[];
}) {
  const { page, perPage, totalPages, totalItems } = result;
  const itemCount = result.items.length;
  const hasNext = totalPages !== null ? page < totalPages : itemCount === perPage;
  return (
    <nav
      aria-label="Pagination"
      className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
    >
      <p data-testid="pagination-status">
        Page {page}
        {totalPages !== null ? ` of ${Math.max(totalPages, 1)}` : ""}
        {totalItems !== null ? ` · ${totalItems.toLocaleString("en-GB")} in total` : ""}
      </p>
      <div className="flex items-center gap-2">
        <span className="text-xs text-slate-500">Per page</span>
        {sizes.map((s) => (
          <Link
            key={s}
            href={hrefWith(pathname, query, { perPage: s, page: undefined })}
            aria-current={s === perPage ? "true" : undefined}
            className={cn(
              "rounded px-1.5 py-0.5 text-xs",
              s === perPage ? "bg-slate-900 text-white" : "hover:bg-slate-100",
            )}
          >
            {s}
          </Link>
        ))}
        {page > 1 ? (
          <Link
            href={hrefWith(pathname, query, { page: page - 1 === 1 ? undefined : page - 1 })}
            className={linkClass}
            rel="prev"
          >
            Previous
          </Link>
        ) : (
          <span className={disabledClass} aria-hidden>
            Previous
          </span>
        )}
        {hasNext ? (
          <Link href={hrefWith(pathname, query, { page: page + 1 })} className={linkClass} rel="next">
            Next
          </Link>
        ) : (
          <span className={disabledClass} aria-hidden>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
