-- The local mirror: webhook endpoints and pings, mirrored users, wallets, transactions and events.

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookPing" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "eventDate" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookPing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorUser" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "mangopayId" TEXT NOT NULL,
    "personType" TEXT NOT NULL,
    "email" TEXT,
    "emailLower" TEXT,
    "firstName" TEXT,
    "firstNameLower" TEXT,
    "lastName" TEXT,
    "lastNameLower" TEXT,
    "companyName" TEXT,
    "companyNameLower" TEXT,
    "status" TEXT,
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorWallet" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "mangopayId" TEXT NOT NULL,
    "ownerId" TEXT,
    "currency" TEXT NOT NULL,
    "balanceMinor" BIGINT NOT NULL,
    "description" TEXT,
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorWallet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorTransaction" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "mangopayId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "nature" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "paymentType" TEXT,
    "authorId" TEXT,
    "creditedUserId" TEXT,
    "debitedWalletId" TEXT,
    "creditedWalletId" TEXT,
    "currency" TEXT NOT NULL,
    "debitedMinor" BIGINT NOT NULL,
    "creditedMinor" BIGINT NOT NULL,
    "feesMinor" BIGINT NOT NULL,
    "resultCode" TEXT,
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "executedAt" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MirrorEvent" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "eventDate" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEndpoint_apiAccountId_key" ON "WebhookEndpoint"("apiAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEndpoint_tokenHash_key" ON "WebhookEndpoint"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookPing_apiAccountId_eventType_resourceId_eventDate_key" ON "WebhookPing"("apiAccountId", "eventType", "resourceId", "eventDate");

-- CreateIndex
CREATE INDEX "WebhookPing_apiAccountId_receivedAt_idx" ON "WebhookPing"("apiAccountId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorUser_apiAccountId_mangopayId_key" ON "MirrorUser"("apiAccountId", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_emailLower_idx" ON "MirrorUser"("apiAccountId", "emailLower");

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_firstNameLower_idx" ON "MirrorUser"("apiAccountId", "firstNameLower");

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_lastNameLower_idx" ON "MirrorUser"("apiAccountId", "lastNameLower");

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_companyNameLower_idx" ON "MirrorUser"("apiAccountId", "companyNameLower");

-- CreateIndex
CREATE INDEX "MirrorUser_apiAccountId_createdAt_idx" ON "MirrorUser"("apiAccountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorWallet_apiAccountId_mangopayId_key" ON "MirrorWallet"("apiAccountId", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorWallet_apiAccountId_ownerId_idx" ON "MirrorWallet"("apiAccountId", "ownerId");

-- CreateIndex
CREATE INDEX "MirrorWallet_apiAccountId_createdAt_idx" ON "MirrorWallet"("apiAccountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorTransaction_apiAccountId_mangopayId_key" ON "MirrorTransaction"("apiAccountId", "mangopayId");

-- CreateIndex
CREATE INDEX "MirrorTransaction_apiAccountId_createdAt_idx" ON "MirrorTransaction"("apiAccountId", "createdAt");

-- CreateIndex
CREATE INDEX "MirrorTransaction_apiAccountId_authorId_idx" ON "MirrorTransaction"("apiAccountId", "authorId");

-- CreateIndex
CREATE INDEX "MirrorTransaction_apiAccountId_status_createdAt_idx" ON "MirrorTransaction"("apiAccountId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorEvent_apiAccountId_eventType_resourceId_eventDate_key" ON "MirrorEvent"("apiAccountId", "eventType", "resourceId", "eventDate");

-- CreateIndex
CREATE INDEX "MirrorEvent_apiAccountId_eventDate_idx" ON "MirrorEvent"("apiAccountId", "eventDate");

-- CreateIndex
CREATE INDEX "MirrorEvent_apiAccountId_resourceId_idx" ON "MirrorEvent"("apiAccountId", "resourceId");
