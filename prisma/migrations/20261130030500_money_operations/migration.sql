-- Money operations: the operation row carries the request, the amounts and MANGOPAY's answer, a
-- form's operation key (one row per form submission), and the approval / not-sent states.
ALTER TYPE "UpstreamOperationStatus" ADD VALUE 'AWAITING_APPROVAL';
ALTER TYPE "UpstreamOperationStatus" ADD VALUE 'NOT_SENT';

ALTER TABLE "UpstreamOperation"
  ADD COLUMN "kind" TEXT,
  ADD COLUMN "operationKey" TEXT,
  ADD COLUMN "amountMinor" BIGINT,
  ADD COLUMN "feesMinor" BIGINT,
  ADD COLUMN "currency" TEXT,
  ADD COLUMN "sourceId" TEXT,
  ADD COLUMN "destinationId" TEXT,
  ADD COLUMN "request" JSONB,
  ADD COLUMN "reason" TEXT,
  ADD COLUMN "upstreamStatus" TEXT,
  ADD COLUMN "resultCode" TEXT,
  ADD COLUMN "resultMessage" TEXT,
  ADD COLUMN "resultData" JSONB,
  ADD COLUMN "sentAt" TIMESTAMP(3),
  ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

CREATE UNIQUE INDEX "UpstreamOperation_apiAccountId_actorUserId_operationKey_key" ON "UpstreamOperation"("apiAccountId", "actorUserId", "operationKey");
CREATE INDEX "UpstreamOperation_apiAccountId_createdAt_idx" ON "UpstreamOperation"("apiAccountId", "createdAt");
CREATE INDEX "UpstreamOperation_status_createdAt_idx" ON "UpstreamOperation"("status", "createdAt");
