export default function HubSettingsLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading Hub settings">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
