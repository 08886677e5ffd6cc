import Link from "@/components/intent-link";

/** Shown for a missing, foreign or not-granted API account: all three look the same on purpose. */
export default function AccountNotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mb-2 text-xl font-semibold">API account not found</h1>
      <p className="mb-6 text-sm text-slate-600">It does not exist, or you have no access to its dashboard.</p>
      <Link href="/hub" className="text-sm underline">
        Back to the Hub
      </Link>
    </main>
  );
}
