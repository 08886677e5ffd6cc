import { z } from "zod";
import { DayString, PageInput } from "@/lib/services/transactions/schemas";

export const DISPUTE_STATUSES = ["CREATED", "PENDING_CLIENT_ACTION", "SUBMITTED", "PENDING_BANK_ACTION", "REOPENED_PENDING_CLIENT_ACTION", "CLOSED"] as const;
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
    from: DayString.optional(),
    to: DayString.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be on or before the end date.", path: ["to"] });
export type DisputeFilters = z.infer<typeof DisputeFilters>;

export const ListDisputesInput = z.object({
  filters: DisputeFilters,
  page: PageInput.shape.page,
  perPage: PageInput.shape.perPage,
});
export type ListDisputesInput = z.input<typeof ListDisputesInput>;

export const DisputeIdInput = z.object({ disputeId: z.string().trim().min(1).max(128) });
export type DisputeIdInput = z.input<typeof DisputeIdInput>;
