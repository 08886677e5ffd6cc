-- Hub setting: custom MANGOPAY base URLs are refused unless an Owner allows them.
ALTER TABLE "Hub" ADD COLUMN "allowCustomBaseUrls" BOOLEAN NOT NULL DEFAULT false;
-- Hubs that already use a custom base URL keep working after the upgrade.
UPDATE "Hub" SET "allowCustomBaseUrls" = true
WHERE "id" IN (
  SELECT "hubId" FROM "ApiAccount"
  WHERE "baseUrl" NOT IN ('https://api.sandbox.mangopay.com', 'https://api.mangopay.com')
);
