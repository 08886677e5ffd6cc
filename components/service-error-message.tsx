import { AlertTriangle } from "lucide-react";
import { LocalTime } from "@/components/local-time";
import type { ErrorView } from "@/lib/services/upstream";
import { cn } from "@/lib/cn";

/**
 * How a failed page or section says what happened (from `describeError`): MANGOPAY's message and
 * Id, a timeout, quota protection with the time it lifts, an API key to check in the Hub.
 */
export function ServiceErrorMessage({ view, className }: { view: ErrorView; className?: string }) {
  return (
    <div
      role="alert"
      className={cn("rounded-lg border border-red-200 bg-red-50 p-4 text-sm", className)}
      data-testid="section-error"
      data-error-code={view.code}
    >
      <p className="flex items-center gap-2 font-semibold text-red-800">
        <AlertTriangle className="size-4" aria-hidden />
        {view.title}
      </p>
      <p className="mt-1 text-red-700">{view.message}</p>
      {view.retryAt ? (
        <p className="mt-1 text-red-700">
          Lifts at <LocalTime iso={view.retryAt} />.
        </p>
      ) : null}
      {view.mangopayId ? (
        <p className="mt-1 font-mono text-xs text-red-600">MANGOPAY error Id: {view.mangopayId}</p>
      ) : null}
    </div>
  );
}
