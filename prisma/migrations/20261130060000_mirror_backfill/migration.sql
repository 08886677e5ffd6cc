-- The mirror's sync side: backfill state, more mirrored kinds (KYC documents, UBO declarations, disputes,
-- bank accounts, cards, mandates), pay-ins' wire reference, and the indexes search by tag and amount uses.

-- AlterTable
ALTER TABLE "MirrorTransaction" ADD COLUMN     "wireReference" TEXT;

-- CreateTable
CREATE TABLE "MirrorKycDocument" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "mangopayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "refusedReasonType" TEXT,
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorKycDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorUboDeclaration" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "mangopayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorUboDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorDispute" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "mangopayId" TEXT NOT NULL,
    "initialTransactionId" TEXT NOT NULL,
    "disputeType" TEXT,
    "status" TEXT NOT NULL,
    "resultCode" TEXT,
    "currency" TEXT NOT NULL,
    "disputedMinor" BIGINT NOT NULL,
    "contestDeadline" TIMESTAMP(3),
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorDispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorBankAccount" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "mangopayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "accountTail" TEXT,
    "country" TEXT,
    "active" BOOLEAN NOT NULL,
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorBankAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorCard" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "mangopayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "alias" TEXT,
    "aliasTail" TEXT,
    "cardType" TEXT,
    "currency" TEXT NOT NULL,
    "expirationDate" TEXT,
    "fingerprint" TEXT,
    "active" BOOLEAN NOT NULL,
    "validity" TEXT,
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorMandate" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "mangopayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "bankAccountId" TEXT,
    "status" TEXT NOT NULL,
    "scheme" TEXT,
    "bankReference" TEXT,
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorMandate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorBackfill" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "page" INTEGER NOT NULL DEFAULT 1,
    "steps" INTEGER NOT NULL DEFAULT 0,
    "usersDone" INTEGER NOT NULL DEFAULT 0,
    "usersTotal" INTEGER,
    "eventsSince" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,

    CONSTRAINT "MirrorBackfill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MirrorKycDocument_apiAccountId_userId_idx" ON "MirrorKycDocument"("apiAccountId", "userId");

-- CreateIndex
CREATE INDEX "MirrorKycDocument_apiAccountId_status_createdAt_idx" ON "MirrorKycDocument"("apiAccountId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "MirrorKycDocument_apiAccountId_tag_idx" ON "MirrorKycDocument"("apiAccountId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorKycDocument_apiAccountId_mangopayId_key" ON "MirrorKycDocument"("apiAccountId", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorUboDeclaration_apiAccountId_userId_idx" ON "MirrorUboDeclaration"("apiAccountId", "userId");

-- CreateIndex
CREATE INDEX "MirrorUboDeclaration_apiAccountId_status_createdAt_idx" ON "MirrorUboDeclaration"("apiAccountId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "MirrorUboDeclaration_apiAccountId_tag_idx" ON "MirrorUboDeclaration"("apiAccountId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorUboDeclaration_apiAccountId_mangopayId_key" ON "MirrorUboDeclaration"("apiAccountId", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorDispute_apiAccountId_initialTransactionId_idx" ON "MirrorDispute"("apiAccountId", "initialTransactionId");

-- CreateIndex
CREATE INDEX "MirrorDispute_apiAccountId_status_createdAt_idx" ON "MirrorDispute"("apiAccountId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "MirrorDispute_apiAccountId_disputedMinor_idx" ON "MirrorDispute"("apiAccountId", "disputedMinor");

-- CreateIndex
CREATE INDEX "MirrorDispute_apiAccountId_tag_idx" ON "MirrorDispute"("apiAccountId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorDispute_apiAccountId_mangopayId_key" ON "MirrorDispute"("apiAccountId", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorBankAccount_apiAccountId_userId_idx" ON "MirrorBankAccount"("apiAccountId", "userId");

-- CreateIndex
CREATE INDEX "MirrorBankAccount_apiAccountId_accountTail_idx" ON "MirrorBankAccount"("apiAccountId", "accountTail");

-- CreateIndex
CREATE INDEX "MirrorBankAccount_apiAccountId_tag_idx" ON "MirrorBankAccount"("apiAccountId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorBankAccount_apiAccountId_mangopayId_key" ON "MirrorBankAccount"("apiAccountId", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorCard_apiAccountId_userId_idx" ON "MirrorCard"("apiAccountId", "userId");

-- CreateIndex
CREATE INDEX "MirrorCard_apiAccountId_aliasTail_idx" ON "MirrorCard"("apiAccountId", "aliasTail");

-- CreateIndex
CREATE INDEX "MirrorCard_apiAccountId_alias_idx" ON "MirrorCard"("apiAccountId", "alias");

-- CreateIndex
CREATE INDEX "MirrorCard_apiAccountId_tag_idx" ON "MirrorCard"("apiAccountId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorCard_apiAccountId_mangopayId_key" ON "MirrorCard"("apiAccountId", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorMandate_apiAccountId_userId_idx" ON "MirrorMandate"("apiAccountId", "userId");

-- CreateIndex
CREATE INDEX "MirrorMandate_apiAccountId_status_createdAt_idx" ON "MirrorMandate"("apiAccountId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "MirrorMandate_apiAccountId_tag_idx" ON "MirrorMandate"("apiAccountId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorMandate_apiAccountId_mangopayId_key" ON "MirrorMandate"("apiAccountId", "mangopayId");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorBackfill_apiAccountId_key" ON "MirrorBackfill"("apiAccountId");

-- CreateIndex
CREATE INDEX "MirrorBackfill_status_updatedAt_idx" ON "MirrorBackfill"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_tag_idx" ON "MirrorUser"("apiAccountId", "tag");

-- CreateIndex
CREATE INDEX "MirrorWallet_apiAccountId_tag_idx" ON "MirrorWallet"("apiAccountId", "tag");

-- CreateIndex
CREATE INDEX "MirrorTransaction_apiAccountId_wireReference_idx" ON "MirrorTransaction"("apiAccountId", "wireReference");

-- CreateIndex
CREATE INDEX "MirrorTransaction_apiAccountId_tag_idx" ON "MirrorTransaction"("apiAccountId", "tag");

-- CreateIndex
CREATE INDEX "MirrorTransaction_apiAccountId_debitedMinor_idx" ON "MirrorTransaction"("apiAccountId", "debitedMinor");
