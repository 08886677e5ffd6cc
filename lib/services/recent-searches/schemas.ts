import { z } from "zod";
import { parseSearchQuery } from "@/lib/services/search/id-shapes";

/** How many distinct searches are kept per member and API account. */
export const RECENT_SEARCHES_KEPT = 10;

/** A search worth remembering: an Id (or USER_ID/BANK_ACCOUNT_ID) as the search page accepts it. */
export const RecordRecentSearchInput = z.object({
  query: z
    .string()
    .trim()
    .min(1, "Type an Id")
    .max(300)
    .refine((q) => parseSearchQuery(q).kind !== "invalid", "That is not an Id"),
});
export type RecordRecentSearchInput = z.infer<typeof RecordRecentSearchInput>;

export type RecentSearchDTO = { query: string; searchedAt: string };
