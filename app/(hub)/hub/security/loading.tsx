export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading security history">
      <div className="h-8 w-56 animate-pulse rounded bg-slate-200" />
      <div className="h-20 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-80 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
