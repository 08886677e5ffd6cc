import { z } from "zod";
import { rangeInOrder, RANGE_ORDER_MESSAGE } from "@/lib/services/mangopay/date-range";
import { DateInput, MangopayId, PageQuery } from "@/lib/services/mangopay/inputs";

export const DISPUTE_STATUSES = [
  "CREATED",
  "PENDING_CLIENT_ACTION",
  "SUBMITTED",
  "PENDING_BANK_ACTION",
  "REOPENED_PENDING_CLIENT_ACTION",
  "CLOSED",
] as const;
export const DISPUTE_TYPES = ["CONTESTABLE", "NOT_CONTESTABLE", "RETRIEVAL"] as const;

/** "Pending client": both statuses that wait for the platform. "To settle": lost, not yet repaid. */
export const DISPUTE_QUICK_FILTERS = ["pending-client", "to-settle"] as const;
export type DisputeQuickFilter = (typeof DISPUTE_QUICK_FILTERS)[number];

export const PENDING_CLIENT_STATUSES = ["PENDING_CLIENT_ACTION", "REOPENED_PENDING_CLIENT_ACTION"] as const;

export const DisputeFilters = z
  .object({
    quick: z.enum(DISPUTE_QUICK_FILTERS).optional(),
    status: z.enum(DISPUTE_STATUSES).optional(),
    type: z.enum(DISPUTE_TYPES).optional(),
    from: DateInput,
    to: DateInput,
  })
  .refine(rangeInOrder, { message: RANGE_ORDER_MESSAGE, path: ["to"] });
export type DisputeFilters = z.infer<typeof DisputeFilters>;

export const ListDisputesInput = z.object({
  filters: DisputeFilters,
  /** Only the disputes of this pay-in (its detail page). */
  payInId: MangopayId.optional(),
  page: PageQuery.shape.page,
  perPage: PageQuery.shape.perPage,
});
export type ListDisputesInput = z.input<typeof ListDisputesInput>;

export const DisputeIdInput = z.object({ disputeId: MangopayId });
export type DisputeIdInput = z.input<typeof DisputeIdInput>;

/** The disputes page's searchParams: unknown values are dropped. */
export const DisputesQuery = PageQuery.extend({
  quick: z.enum(DISPUTE_QUICK_FILTERS).optional().catch(undefined),
  status: z.enum(DISPUTE_STATUSES).optional().catch(undefined),
  type: z.enum(DISPUTE_TYPES).optional().catch(undefined),
  from: DateInput,
  to: DateInput,
});
export type DisputesQuery = z.infer<typeof DisputesQuery>;
