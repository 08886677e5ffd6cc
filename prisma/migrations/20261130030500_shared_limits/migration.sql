-- Several app instances on one database: sign-in limiter windows and the MANGOPAY quota ledger
-- move from process memory to these tables.
CREATE TABLE "RateLimitWindow" (
    "key" TEXT NOT NULL,
    "hitsMs" BIGINT[],
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimitWindow_expiresAt_idx" ON "RateLimitWindow"("expiresAt");

CREATE TABLE "MangopayQuotaLedger" (
    "credentialsKey" TEXT NOT NULL,
    "ledger" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MangopayQuotaLedger_pkey" PRIMARY KEY ("credentialsKey")
);
