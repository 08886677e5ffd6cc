"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { dashboardPaths } from "@/lib/dashboard-paths";

const FIRST_DELAY_MS = 1500;
const MAX_DELAY_MS = 30_000;

/**
 * Asks the server for the status of pending runs, waiting longer after each unchanged answer
 * (1.5 s, ×1.5, at most 30 s), and refreshes the page once one has moved on. Renders a live note.
 */
export function PendingPoller({ accountId, runIds }: { accountId: string; runIds: string[] }) {
  const router = useRouter();
  const [note, setNote] = useState("Waiting for MANGOPAY to generate the report…");
  const key = runIds.join(",");
  useEffect(() => {
    if (!key) return;
    const ids = key.split(",");
    let delay = FIRST_DELAY_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const res = await fetch(dashboardPaths(accountId).reportStatus(ids), { cache: "no-store" });
        if (res.ok) {
          const { runs } = (await res.json()) as { runs: { id: string; status: string }[] };
          if (runs.some((r) => r.status !== "PENDING" && r.status !== "REQUESTING")) {
            setNote("Report status changed; updating…");
            router.refresh();
            return;
          }
        }
      } catch {
        setNote("Could not check the status; trying again…");
      }
      if (stopped) return;
      delay = Math.min(MAX_DELAY_MS, Math.round(delay * 1.5));
      timer = setTimeout(poll, delay);
    };
    timer = setTimeout(poll, delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [accountId, key, router]);
  if (!key) return null;
  return (
    <p role="status" className="text-sm text-slate-600" data-testid="pending-poller">
      {note}
    </p>
  );
}
