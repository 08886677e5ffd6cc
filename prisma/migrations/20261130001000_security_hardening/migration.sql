-- Hub setting: custom MANGOPAY base URLs are refused unless an Owner allows them.
ALTER TABLE "Hub" ADD COLUMN "allowCustomBaseUrls" BOOLEAN NOT NULL DEFAULT false;
-- Hubs that already use a custom base URL keep working after the upgrade.
UPDATE "Hub" SET "allowCustomBaseUrls" = true
WHERE "id" IN (
  SELECT "hubId" FROM "ApiAccount"
  WHERE "baseUrl" NOT IN ('https://api.sandbox.mangopay.com', 'https://api.mangopay.com')
);

-- MANGOPAY writes: intent recorded before the call, result after it.
CREATE TYPE "UpstreamOperationStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "UpstreamOperation" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "status" "UpstreamOperationStatus" NOT NULL DEFAULT 'PENDING',
    "idempotencyKey" TEXT NOT NULL,
    "upstreamId" TEXT,
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "UpstreamOperation_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "UpstreamOperation_idempotencyKey_key" ON "UpstreamOperation"("idempotencyKey");
CREATE INDEX "UpstreamOperation_hubId_status_idx" ON "UpstreamOperation"("hubId", "status");
CREATE INDEX "UpstreamOperation_apiAccountId_idx" ON "UpstreamOperation"("apiAccountId");

ALTER TABLE "UpstreamOperation" ADD CONSTRAINT "UpstreamOperation_apiAccountId_fkey" FOREIGN KEY ("apiAccountId") REFERENCES "ApiAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sign-out revokes the session server-side.
CREATE TABLE "RevokedSession" (
    "sid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("sid")
);

CREATE INDEX "RevokedSession_userId_idx" ON "RevokedSession"("userId");
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

ALTER TABLE "RevokedSession" ADD CONSTRAINT "RevokedSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
