export default function ProfileLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading your profile">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="h-36 animate-pulse rounded-lg bg-slate-200" />
      ))}
    </div>
  );
}
