-- Search also finds users by any part of their email, first, last or company name (terms of three
-- characters or more): `col LIKE '%term%'` is served by a trigram index. pg_trgm is a trusted
-- extension of PostgreSQL (no superuser needed); the embedded PGlite loads it at start
-- (scripts/pglite-server.mjs).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "MirrorUser_emailLower_idx" ON "MirrorUser" USING GIN ("emailLower" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "MirrorUser_firstNameLower_idx" ON "MirrorUser" USING GIN ("firstNameLower" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "MirrorUser_lastNameLower_idx" ON "MirrorUser" USING GIN ("lastNameLower" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "MirrorUser_companyNameLower_idx" ON "MirrorUser" USING GIN ("companyNameLower" gin_trgm_ops);
