export default function TwoFactorSetupLoading() {
  return <div className="h-64 animate-pulse rounded-lg bg-slate-200" aria-busy="true" aria-label="Loading" />;
}
