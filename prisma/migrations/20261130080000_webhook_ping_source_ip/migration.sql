-- The client address a ping came from: the ping row is the receiver's record (no audit row per ping).
ALTER TABLE "WebhookPing" ADD COLUMN "sourceIp" TEXT;
