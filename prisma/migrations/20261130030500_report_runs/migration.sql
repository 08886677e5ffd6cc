-- Report definitions gain a sort and an optional schedule; each generated MANGOPAY report is a run.
ALTER TABLE "ReportDefinition" ADD COLUMN "sort" TEXT NOT NULL DEFAULT 'CreationDate:DESC';
ALTER TABLE "ReportDefinition" ADD COLUMN "schedule" TEXT;

-- CreateTable
CREATE TABLE "ReportRun" (
    "id" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "apiAccountId" TEXT NOT NULL,
    "definitionId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "scheduleKey" TEXT,
    "rerunOfId" TEXT,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "mangopayReportId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "resultMessage" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "readyAt" TIMESTAMP(3),

    CONSTRAINT "ReportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportRun_scheduleKey_key" ON "ReportRun"("scheduleKey");
CREATE UNIQUE INDEX "ReportRun_idempotencyKey_key" ON "ReportRun"("idempotencyKey");
CREATE INDEX "ReportRun_hubId_apiAccountId_createdAt_idx" ON "ReportRun"("hubId", "apiAccountId", "createdAt");
CREATE INDEX "ReportRun_definitionId_createdAt_idx" ON "ReportRun"("definitionId", "createdAt");
CREATE INDEX "ReportRun_mangopayReportId_idx" ON "ReportRun"("mangopayReportId");

-- AddForeignKey
ALTER TABLE "ReportRun" ADD CONSTRAINT "ReportRun_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "ReportDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReportRun" ADD CONSTRAINT "ReportRun_rerunOfId_fkey" FOREIGN KEY ("rerunOfId") REFERENCES "ReportRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
