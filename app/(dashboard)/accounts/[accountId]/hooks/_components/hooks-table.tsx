"use client";

import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { StatusBadge } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { HookProblem, HookRowDTO } from "@/lib/services/hooks/list";
import { HookControls } from "./hook-controls";

const PROBLEM_LABEL: Record<Exclude<HookProblem, null>, { label: string; variant: "danger" | "warning" }> = {
  invalid: { label: "Invalid — MANGOPAY stopped sending", variant: "danger" },
  missing: { label: "No hook", variant: "warning" },
  disabled: { label: "Disabled", variant: "warning" },
};

const none = <span className="text-slate-400">—</span>;

/**
 * The hooks table, drawn in the browser from the rows' data: 140+ event types as server-rendered
 * cells weighed about 2 kB each in the page's RSC payload, and the page spent its time sending them.
 */
export function HooksTable({ rows, withActions }: { rows: HookRowDTO[]; withActions: boolean }) {
  return (
    <DataTable<HookRowDTO>
      testId="hooks"
      caption="Hooks by event type"
      rows={rows}
      rowKey={(r) => r.eventType}
      columns={[
        {
          header: "Event type",
          cell: (r) => (
            <span className="flex flex-col">
              <span
                className={cn("font-mono text-xs", r.problem === "invalid" && "font-semibold text-red-800")}
                data-testid="hook-event-type"
              >
                {r.eventType}
              </span>
              <span className="text-xs text-slate-500">{r.group}</span>
            </span>
          ),
        },
        {
          header: "Problem",
          cell: (r) =>
            r.problem ? (
              <Badge variant={PROBLEM_LABEL[r.problem].variant} data-problem={r.problem}>
                {PROBLEM_LABEL[r.problem].label}
              </Badge>
            ) : (
              <span className="text-emerald-700">OK</span>
            ),
        },
        {
          header: "URL",
          cell: (r) => (r.hook ? <span className="font-mono text-xs break-all">{r.hook.url}</span> : none),
        },
        { header: "Status", cell: (r) => <StatusBadge status={r.hook?.status} /> },
        { header: "Validity", cell: (r) => <StatusBadge status={r.hook?.validity} /> },
        { header: "Since", cell: (r) => (r.hook ? <LocalTime iso={r.hook.createdAt} dateOnly /> : none) },
        ...(withActions
          ? [
              {
                header: "Actions",
                cell: (r: HookRowDTO) => (
                  <HookControls
                    eventType={r.eventType}
                    hook={
                      r.hook
                        ? { id: r.hook.id, url: r.hook.url, status: r.hook.status, receiver: r.hook.receiver }
                        : null
                    }
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
