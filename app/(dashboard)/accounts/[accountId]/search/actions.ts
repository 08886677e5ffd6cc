"use server";

import { z } from "zod";
import { accountAction } from "@/lib/server/action";
import { clearRecentSearches } from "@/lib/services/recent-searches/clear";
import { listRecentSearches } from "@/lib/services/recent-searches/list";
import { recordRecentSearch } from "@/lib/services/recent-searches/record";
import { RecordRecentSearchInput } from "@/lib/services/recent-searches/schemas";

// The search box's "Recent searches": the member's own, per API account, kept in the database.
export const listRecentSearchesAction = accountAction("users.read", z.object({}), ({ ctx }) =>
  listRecentSearches({ ctx }),
);

export const recordRecentSearchAction = accountAction("users.read", RecordRecentSearchInput, ({ ctx, input }) =>
  recordRecentSearch({ ctx, input }),
);

export const clearRecentSearchesAction = accountAction("users.read", z.object({}), ({ ctx }) =>
  clearRecentSearches({ ctx }),
);
