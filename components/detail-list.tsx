import { cn } from "@/lib/cn";

/** Label/value pairs of one object (a `<dl>`); a null value shows a dash, so rows keep their place. */
export function DetailList({
  items,
  className,
  testId,
}: {
  items: readonly { label: string; value: React.ReactNode }[];
  className?: string;
  testId?: string;
}) {
  return (
    <dl
      className={cn("grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-6 gap-y-2 text-sm", className)}
      data-testid={testId}
    >
      {items.map((i) => (
        <div key={i.label} className="contents">
          <dt className="text-slate-500">{i.label}</dt>
          <dd className="min-w-0 break-words text-slate-900">{i.value ?? <span className="text-slate-400">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A titled block of a detail page. */
export function Section({
  title,
  children,
  testId,
  className,
}: {
  title: string;
  children: React.ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section
      className={cn("rounded-lg border border-slate-200 bg-white p-4 shadow-sm", className)}
      data-testid={testId}
      aria-label={title}
    >
      <h2 className="mb-3 font-semibold">{title}</h2>
      {children}
    </section>
  );
}
