-- How many days the mirror keeps an account's events (MirrorEvent); a daily job deletes older rows.
ALTER TABLE "ApiAccount" ADD COLUMN "eventRetentionDays" INTEGER NOT NULL DEFAULT 730;
