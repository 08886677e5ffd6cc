export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading permissions">
      <div className="h-8 w-72 animate-pulse rounded bg-slate-200" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
