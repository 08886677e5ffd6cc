import { cn } from "@/lib/cn";

/**
 * Loading placeholder for a page: a title bar and blocks of the given heights (Tailwind classes,
 * written out in full at the call site so Tailwind sees them). Announced to assistive tech by label.
 */
export function PageSkeleton({ label, title = "w-64", blocks }: { label: string; title?: string; blocks: string[] }) {
  return (
    <div className="space-y-4" aria-busy="true" aria-label={label}>
      <div className={cn("h-8 animate-pulse rounded bg-slate-200", title)} />
      {blocks.map((height, i) => (
        <div key={i} className={cn("animate-pulse rounded-lg bg-slate-200", height)} />
      ))}
    </div>
  );
}

/** Placeholder for one streamed section of a page (inside its own Suspense boundary). */
export function SectionSkeleton({ label, height = "h-32" }: { label: string; height?: string }) {
  return <div className={cn("animate-pulse rounded-lg bg-slate-200", height)} aria-busy="true" aria-label={label} />;
}
