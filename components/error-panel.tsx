"use client";

import Link from "@/components/intent-link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/**
 * The error boundaries' screen. The server already logged the failure with its request id and this
 * error id (`digest`); the browser console gets the same id, and the user is asked to quote it.
 */
export function ErrorPanel({
  error,
  reset,
  backHref,
  title = "Something went wrong",
  description = "This page could not be loaded. Nothing was changed.",
}: {
  error: Error & { digest?: string };
  reset: () => void;
  backHref?: string;
  title?: string;
  description?: string;
}) {
  useEffect(() => {
    console.error("[page error]", { errorId: error.digest ?? null, message: error.message });
  }, [error]);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h2 className="font-semibold text-red-800">{title}</h2>
      <p className="text-sm text-red-700">{description}</p>
      {error.digest ? (
        <p className="mt-2 text-sm text-red-700">
          If it keeps happening, quote this id to your administrator:{" "}
          <code className="rounded bg-white px-1 font-mono text-xs">{error.digest}</code>
        </p>
      ) : null}
      <div className="mt-4 flex gap-2">
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
        {backHref ? (
          <Button asChild variant="ghost">
            <Link href={backHref}>Back to the Hub</Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
