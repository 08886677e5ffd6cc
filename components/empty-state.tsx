import { cn } from "@/lib/cn";

/** What a list shows when it has nothing: what is missing, and why or what to do, in words. */
export function EmptyState({
  title,
  children,
  className,
}: {
  title: string;
  children?: React.ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn("rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center", className)}
      data-testid="empty-state"
    >
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}
