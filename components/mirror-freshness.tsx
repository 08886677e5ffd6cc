import Link from "@/components/intent-link";
import { syncedAgo } from "@/lib/format";
import type { MirrorFreshness } from "@/lib/services/mirror-reads/internal";

/**
 * The line every view of mirror data carries: when the mirror last synced, and, where the account's
 * webhooks are not connected, that it is not fed (with the hooks page to fix it).
 */
export function MirrorFreshnessLine({ freshness, hooksHref }: { freshness: MirrorFreshness; hooksHref: string }) {
  return (
    <p className="text-xs text-slate-500" data-testid="mirror-freshness">
      From the local mirror,{" "}
      {freshness.secondsAgo === null ? "not synced yet" : `synced ${syncedAgo(freshness.secondsAgo)}`}.
      {freshness.connected ? null : (
        <>
          {" "}
          <span className="text-amber-700">
            This account&apos;s webhooks are not connected, so the mirror is not kept up to date:
          </span>{" "}
          <Link href={hooksHref} className="underline">
            connect them on the Hooks page
          </Link>
          .
        </>
      )}
    </p>
  );
}

/**
 * "Export CSV" for a list, carrying its filters; where the mirror is not connected the export would be
 * incomplete, so the link sends the member to Reports (MANGOPAY's own exports) instead.
 */
export function MirrorExportLink({
  freshness,
  href,
  reportsHref,
}: {
  freshness: MirrorFreshness;
  href: string;
  reportsHref: string;
}) {
  const className = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100";
  return freshness.connected ? (
    <a href={href} className={className} data-testid="export-csv" download>
      Export CSV
    </a>
  ) : (
    <Link href={reportsHref} className={className} data-testid="export-csv">
      Mirror not connected — use Reports
    </Link>
  );
}
