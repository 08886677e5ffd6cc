-- Search reads at most 20 users per column in (column, MANGOPAY id) order: with the id in the index a
-- prefix shared by thousands of users is a short index walk, not a sort of all of them.
DROP INDEX "MirrorUser_apiAccountId_emailLower_idx";
DROP INDEX "MirrorUser_apiAccountId_firstNameLower_idx";
DROP INDEX "MirrorUser_apiAccountId_lastNameLower_idx";
DROP INDEX "MirrorUser_apiAccountId_companyNameLower_idx";

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_emailLower_mangopayId_idx" ON "MirrorUser"("apiAccountId", "emailLower", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_firstNameLower_mangopayId_idx" ON "MirrorUser"("apiAccountId", "firstNameLower", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_lastNameLower_mangopayId_idx" ON "MirrorUser"("apiAccountId", "lastNameLower", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_companyNameLower_mangopayId_idx" ON "MirrorUser"("apiAccountId", "companyNameLower", "mangopayId");
