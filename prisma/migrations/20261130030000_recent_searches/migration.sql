-- The last Ids a member searched on one API account (the search box's "Recent searches").
CREATE TABLE "RecentSearch" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "searchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecentSearch_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RecentSearch_membershipId_apiAccountId_query_key" ON "RecentSearch"("membershipId", "apiAccountId", "query");
CREATE INDEX "RecentSearch_membershipId_apiAccountId_searchedAt_idx" ON "RecentSearch"("membershipId", "apiAccountId", "searchedAt");
CREATE INDEX "RecentSearch_apiAccountId_idx" ON "RecentSearch"("apiAccountId");

ALTER TABLE "RecentSearch" ADD CONSTRAINT "RecentSearch_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RecentSearch" ADD CONSTRAINT "RecentSearch_apiAccountId_fkey" FOREIGN KEY ("apiAccountId") REFERENCES "ApiAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
