import Link from "next/link";

export default function NoHubPage() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="mb-2 text-xl font-semibold">You are not a member of any Hub</h1>
      <p className="mb-6 text-sm text-slate-600">Ask a Hub owner or admin to invite you.</p>
      <Link href="/sign-out" className="text-sm underline">
        Sign out
      </Link>
    </main>
  );
}
