import Link from "@/components/intent-link";
import { DateField } from "@/components/date-field";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

export type FilterOption = { value: string; label: string };

export type FilterField =
  | { kind: "select"; name: string; label: string; options: readonly FilterOption[]; value?: string; anyLabel?: string }
  | {
      kind: "multi";
      name: string;
      label: string;
      groups: readonly { label: string; options: readonly FilterOption[] }[];
      values: readonly string[];
      hint?: string;
    }
  | {
      kind: "date";
      name: string;
      label: string;
      value?: string;
      min?: string;
      max?: string;
      error?: string;
      hint?: string;
    };

/** "PENDING_CLIENT_ACTION" → "Pending client action". */
export function humanize(value: string): string {
  return value
    .replaceAll("_", " ")
    .toLowerCase()
    .replace(/^\w/, (c) => c.toUpperCase());
}

export const optionsOf = (values: readonly string[]): FilterOption[] =>
  values.map((v) => ({ value: v, label: humanize(v) }));

/**
 * Filters as a plain GET form: applying them rewrites the URL (shareable, works without
 * JavaScript) and starts again at page 1. `keep` carries the query values that are not filters.
 */
export function FilterBar({
  action,
  fields,
  keep = {},
  testId = "filters",
}: {
  action: string;
  fields: readonly FilterField[];
  keep?: Record<string, string | undefined>;
  testId?: string;
}) {
  return (
    <form
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      data-testid={testId}
    >
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {fields.map((f) => {
        const id = `filter-${f.name}`;
        if (f.kind === "select") {
          return (
            <div key={f.name} className="w-44">
              <Label htmlFor={id}>{f.label}</Label>
              <NativeSelect id={id} name={f.name} defaultValue={f.value ?? ""}>
                <option value="">{f.anyLabel ?? "Any"}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
          );
        }
        if (f.kind === "multi") {
          return (
            <div key={f.name} className="w-80">
              <Label htmlFor={id}>{f.label}</Label>
              <NativeSelect
                id={id}
                name={f.name}
                multiple
                defaultValue={[...f.values]}
                className="h-28 py-1"
                aria-describedby={f.hint ? `${id}-hint` : undefined}
              >
                {f.groups.map((g) => (
                  <optgroup key={g.label} label={g.label}>
                    {g.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </NativeSelect>
              {f.hint ? (
                <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
                  {f.hint}
                </p>
              ) : null}
            </div>
          );
        }
        return (
          <DateField
            key={f.name}
            id={id}
            name={f.name}
            label={f.label}
            value={f.value}
            min={f.min}
            max={f.max}
            error={f.error}
            hint={f.hint}
            className="w-44"
          />
        );
      })}
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Button asChild variant="ghost">
          <Link
            href={
              action +
              (Object.values(keep).some(Boolean)
                ? `?${new URLSearchParams(Object.entries(keep).filter((e): e is [string, string] => !!e[1])).toString()}`
                : "")
            }
          >
            Clear
          </Link>
        </Button>
      </div>
    </form>
  );
}
