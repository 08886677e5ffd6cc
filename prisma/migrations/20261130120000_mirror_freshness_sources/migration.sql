-- The mirror's freshness is the latest of its last processed ping, the last page a backfill wrote and
-- the last reconciliation run: the two latter are recorded here.
ALTER TABLE "WebhookEndpoint" ADD COLUMN "reconciledAt" TIMESTAMP(3);
ALTER TABLE "MirrorBackfill" ADD COLUMN "lastPageAt" TIMESTAMP(3);
