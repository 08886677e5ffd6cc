import { SCOPE_LABELS, SCOPES } from "@/lib/server/permissions";

const ACTIONS = [
  { key: "read", label: "Read" },
  { key: "create", label: "Create" },
  { key: "edit", label: "Edit" },
] as const;

type Props = {
  /** Checkbox name; each ticked box submits "<scope>.<action>". */
  name?: string;
  checked: readonly string[];
  /** Only these can be ticked (others show —); all when omitted. */
  allowed?: readonly string[];
  disabled?: boolean;
  /** Appended to each checkbox's accessible name, e.g. "for ana@example.com". */
  labelSuffix?: string;
};

/** Scope × Read / Create / Edit checkbox grid, the shape of MANGOPAY permission groups. */
export function ScopeMatrix({ name = "grants", checked, allowed, disabled = false, labelSuffix = "" }: Props) {
  const allowedSet = allowed ? new Set(allowed) : null;
  const checkedSet = new Set(checked);
  return (
    <div className="overflow-x-auto">
      <table className="w-full max-w-xl text-sm">
        <thead className="text-left text-xs text-slate-500 uppercase">
          <tr>
            <th className="py-1 pr-4 font-medium">Scope</th>
            {ACTIONS.map((a) => (
              <th key={a.key} className="w-20 py-1 text-center font-medium">
                {a.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {SCOPES.map((scope) => (
            <tr key={scope}>
              <th scope="row" className="py-1 pr-4 text-left font-normal">
                {SCOPE_LABELS[scope]}
              </th>
              {ACTIONS.map((a) => {
                const perm = `${scope}.${a.key}`;
                return (
                  <td key={a.key} className="py-1 text-center">
                    {!allowedSet || allowedSet.has(perm) ? (
                      <input
                        type="checkbox"
                        name={name}
                        value={perm}
                        defaultChecked={checkedSet.has(perm)}
                        disabled={disabled}
                        aria-label={`${SCOPE_LABELS[scope]} ${a.label}${labelSuffix ? ` ${labelSuffix}` : ""}`}
                        className="size-4"
                      />
                    ) : (
                      <span className="text-slate-300" title="Not part of this member's role">
                        —
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
