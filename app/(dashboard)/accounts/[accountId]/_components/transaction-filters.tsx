import { FilterBar, optionsOf } from "@/components/filter-bar";
import {
  TRANSACTION_NATURES,
  TRANSACTION_STATUSES,
  TRANSACTION_TYPES,
  type TransactionListQuery,
} from "@/lib/services/transactions/schemas";

/** The documented filters of transaction lists as a GET form: every filter lives in the URL. */
export function TransactionFilters({ action, query }: { action: string; query: TransactionListQuery }) {
  return (
    <FilterBar
      action={action}
      testId="transaction-filters"
      keep={{ perPage: query.perPage !== 20 ? String(query.perPage) : undefined }}
      fields={[
        {
          kind: "select",
          name: "status",
          label: "Status",
          options: optionsOf(TRANSACTION_STATUSES),
          value: query.status,
          anyLabel: "Any status",
        },
        {
          kind: "select",
          name: "type",
          label: "Type",
          options: optionsOf(TRANSACTION_TYPES),
          value: query.type,
          anyLabel: "Any type",
        },
        {
          kind: "select",
          name: "nature",
          label: "Nature",
          options: optionsOf(TRANSACTION_NATURES),
          value: query.nature,
          anyLabel: "Any nature",
        },
        { kind: "date", name: "from", label: "From (UTC)", value: query.from },
        { kind: "date", name: "to", label: "To (UTC)", value: query.to },
      ]}
    />
  );
}
