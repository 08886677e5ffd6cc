-- Search also finds users by any part of their email, first, last or company name (terms of three
-- characters or more): `col LIKE '%term%'` is served by a trigram index. pg_trgm is a trusted
-- extension of PostgreSQL (no superuser needed); the embedded PGlite loads it at start
-- (scripts/pglite-server.mjs).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A GIN index puts new entries in a pending list (4 MB by default) that every search reads in full
-- until a vacuum or an overflowing insert merges it: right after 100,000 users were written, that
-- list made the search's statement take 43 ms instead of 2.4 ms. A 128 kB list keeps inserts
-- batched (as fast as the default) and costs a search a fraction of a millisecond.
-- (Prisma's schema cannot state an index's storage parameters: they live here only.)

-- CreateIndex
CREATE INDEX "MirrorUser_emailLower_idx" ON "MirrorUser" USING GIN ("emailLower" gin_trgm_ops) WITH (gin_pending_list_limit = 128);

-- CreateIndex
CREATE INDEX "MirrorUser_firstNameLower_idx" ON "MirrorUser" USING GIN ("firstNameLower" gin_trgm_ops) WITH (gin_pending_list_limit = 128);

-- CreateIndex
CREATE INDEX "MirrorUser_lastNameLower_idx" ON "MirrorUser" USING GIN ("lastNameLower" gin_trgm_ops) WITH (gin_pending_list_limit = 128);

-- CreateIndex
CREATE INDEX "MirrorUser_companyNameLower_idx" ON "MirrorUser" USING GIN ("companyNameLower" gin_trgm_ops) WITH (gin_pending_list_limit = 128);
