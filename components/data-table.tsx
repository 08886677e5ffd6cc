import Link from "@/components/intent-link";
import { cn } from "@/lib/cn";

export type Column<T> = {
  header: string;
  cell: (row: T) => React.ReactNode;
  className?: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
};

/**
 * A server-rendered table of DTOs. With `rowHref`, the whole row opens the object (a stretched link
 * in the first cell, so it works without JavaScript and stays one tab stop per row).
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowHref,
  rowLabel,
  caption,
  testId,
}: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowHref?: (row: T) => string | null;
  rowLabel?: (row: T) => string;
  caption?: string;
  testId?: string;
}) {
  // Computed once per column, not per cell.
  const cellClass = columns.map((c) => cn(c.numeric && "text-right", c.className) || undefined);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
          <tr>
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={cn("px-4 py-2 font-medium", c.numeric && "text-right", c.className)}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        {/* The cells' padding is set once here, not on each of a long table's cells (HTML and RSC payload). */}
        <tbody className="divide-y divide-slate-100 [&>tr>td]:px-4 [&>tr>td]:py-2 [&>tr>td]:align-top">
          {rows.map((row) => {
            const href = rowHref?.(row) ?? null;
            return (
              <tr
                key={rowKey(row)}
                className={href ? "relative hover:bg-slate-50" : undefined}
                data-testid={testId ? `${testId}-row` : undefined}
              >
                {columns.map((c, i) => (
                  <td key={c.header} className={cellClass[i]}>
                    {i === 0 && href ? (
                      <Link
                        href={href}
                        className="font-medium text-slate-900 after:absolute after:inset-0 hover:underline"
                        aria-label={rowLabel?.(row)}
                      >
                        {c.cell(row)}
                      </Link>
                    ) : href ? (
                      // Above the row's stretched link, so the cell's own links and buttons stay clickable.
                      <span className="relative z-10">{c.cell(row)}</span>
                    ) : (
                      c.cell(row)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
