"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateField } from "@/components/date-field";
import { Button } from "@/components/ui/button";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Input, Label } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { useFormAction } from "@/components/use-form-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import {
  REPORT_RULES,
  REPORT_TYPE_LABELS,
  REPORT_TYPES,
  TX_NATURES,
  TX_STATUSES,
  TX_TYPES,
  type ReportFilterName,
  type ReportKind,
} from "@/lib/report-catalog";
import { createReportAction } from "../actions";
import { ScheduleSelect } from "./schedule-select";

function Checks({ name, label, values }: { name: string; label: string; values: readonly string[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{label}</legend>
      <div className="flex flex-wrap gap-3">
        {values.map((v) => (
          <label key={v} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name={name} value={v} /> {v}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TextFilter({ name, label, errors }: { name: string; label: string; errors?: Record<string, string[]> }) {
  return (
    <div>
      <Label htmlFor={`f-${name}`}>{label}</Label>
      <Input id={`f-${name}`} name={name} aria-invalid={errors?.[name] ? true : undefined} />
      <FieldError errors={errors} name={name} />
    </div>
  );
}

function Range({ prefix, label, errors }: { prefix: string; label: string; errors?: Record<string, string[]> }) {
  return (
    <fieldset className="grid grid-cols-3 gap-2">
      <legend className="col-span-3 text-sm font-medium">{label}</legend>
      <TextFilter name={`${prefix}Min`} label="Minimum" errors={errors} />
      <TextFilter name={`${prefix}Max`} label="Maximum" errors={errors} />
      <TextFilter name={`${prefix}Currency`} label="Currency" errors={errors} />
    </fieldset>
  );
}

const FILTER_UI: Record<ReportFilterName, (errors?: Record<string, string[]>) => React.ReactNode> = {
  status: () => <Checks name="status" label="Status" values={TX_STATUSES} />,
  type: () => <Checks name="type" label="Type" values={TX_TYPES} />,
  nature: () => <Checks name="nature" label="Nature" values={TX_NATURES} />,
  resultCode: (e) => <TextFilter name="resultCode" label="Result codes (comma-separated)" errors={e} />,
  walletId: (e) => <TextFilter name="walletId" label="Wallet id" errors={e} />,
  authorId: (e) => <TextFilter name="authorId" label="Author (user id)" errors={e} />,
  userId: (e) => <TextFilter name="userId" label="User id" errors={e} />,
  ownerId: (e) => <TextFilter name="ownerId" label="Owner (user id)" errors={e} />,
  currency: (e) => <TextFilter name="currency" label="Currency" errors={e} />,
  debitedFunds: (e) => <Range prefix="debitedFunds" label="Debited amount" errors={e} />,
  fees: (e) => <Range prefix="fees" label="Fees" errors={e} />,
  balance: (e) => <Range prefix="balance" label="Balance" errors={e} />,
};

/** The "+" of reports: type, period within MANGOPAY's limits, filters, ordered columns, sort, schedule. */
export function ReportForm({
  accountId,
  canSchedule,
  today,
}: {
  accountId: string;
  canSchedule: boolean;
  today: string;
}) {
  const router = useRouter();
  const [kind, setKind] = useState<ReportKind>("TRANSACTIONS");
  const [columns, setColumns] = useState<string[]>([...REPORT_RULES.TRANSACTIONS.defaultColumns]);
  const rules = REPORT_RULES[kind];
  const { state, onSubmit, pending, fieldErrors } = useFormAction(createReportAction, (data) =>
    router.push(dashboardPaths(accountId).report(data.definitionId)),
  );
  const chooseKind = (next: ReportKind) => {
    setKind(next);
    setColumns([...REPORT_RULES[next].defaultColumns]);
  };
  const move = (index: number, by: number) =>
    setColumns((cs) => {
      const next = [...cs];
      const [item] = next.splice(index, 1);
      if (item !== undefined) next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
      return next;
    });
  const toggle = (column: string) =>
    setColumns((cs) => (cs.includes(column) ? cs.filter((c) => c !== column) : [...cs, column]));
  const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label="New report" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      {columns.map((c) => (
        <input key={c} type="hidden" name="columns" value={c} />
      ))}
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor="report-name">Name</Label>
          <Input
            id="report-name"
            name="name"
            required
            maxLength={120}
            aria-invalid={fieldErrors?.name ? true : undefined}
          />
          <FieldError errors={fieldErrors} name="name" />
        </div>
        <div>
          <Label htmlFor="report-type">Report type</Label>
          <NativeSelect
            id="report-type"
            name="reportType"
            value={kind}
            onChange={(e) => chooseKind(e.target.value as ReportKind)}
          >
            {REPORT_TYPES.map((t) => (
              <option key={t} value={t}>
                {REPORT_TYPE_LABELS[t]}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Period</legend>
        <p className="text-xs text-slate-600" data-testid="period-rules">
          {REPORT_TYPE_LABELS[kind]} reports cover at most {rules.maxSpanLabel} and reach back at most{" "}
          {rules.maxAgeLabel}. Days are UTC; the last day is included.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <DateField
            id="report-from"
            name="from"
            label="First day"
            value={monthAgo}
            max={today}
            error={fieldErrors?.from?.[0]}
          />
          <DateField id="report-to" name="to" label="Last day" value={today} max={today} error={fieldErrors?.to?.[0]} />
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Filters</legend>
        {rules.filters.map((f) => (
          <div key={`${kind}-${f}`}>{FILTER_UI[f](fieldErrors)}</div>
        ))}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="text-sm font-medium">Columns</legend>
        <div>
          <p className="mb-1 text-xs text-slate-600">Available for {REPORT_TYPE_LABELS[kind].toLowerCase()}</p>
          <ul
            className="max-h-72 space-y-1 overflow-y-auto rounded border border-slate-200 p-2"
            data-testid="available-columns"
          >
            {rules.columns.map((c) => (
              <li key={c}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={columns.includes(c)}
                    onChange={() => toggle(c)}
                    aria-label={`Column ${c}`}
                  />
                  <span className="font-mono text-xs">{c}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <p className="mb-1 text-xs text-slate-600">In the file, in this order</p>
          <ol
            className="max-h-72 space-y-1 overflow-y-auto rounded border border-slate-200 p-2"
            data-testid="chosen-columns"
          >
            {columns.map((c, i) => (
              <li key={c} className="flex items-center justify-between gap-2 text-sm">
                <span className="font-mono text-xs">{c}</span>
                <span className="flex gap-1">
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    aria-label={`Move ${c} up`}
                    onClick={() => move(i, -1)}
                    disabled={i === 0}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    aria-label={`Move ${c} down`}
                    onClick={() => move(i, 1)}
                    disabled={i === columns.length - 1}
                  >
                    ↓
                  </Button>
                </span>
              </li>
            ))}
          </ol>
          <FieldError errors={fieldErrors} name="columns" />
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor="report-sort">Order</Label>
          <NativeSelect id="report-sort" name="sort" defaultValue="CreationDate:DESC">
            <option value="CreationDate:DESC">Newest first</option>
            <option value="CreationDate:ASC">Oldest first</option>
          </NativeSelect>
        </div>
        {canSchedule ? (
          <div>
            <Label htmlFor="report-schedule">Schedule</Label>
            <ScheduleSelect id="report-schedule" defaultValue="" />
          </div>
        ) : null}
      </div>

      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create and run"}
      </Button>
    </form>
  );
}
