-- CreateTable
CREATE TABLE "TotpStepUse" (
    "userId" TEXT NOT NULL,
    "timeStep" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TotpStepUse_pkey" PRIMARY KEY ("userId","timeStep")
);

-- AddForeignKey
ALTER TABLE "TotpStepUse" ADD CONSTRAINT "TotpStepUse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
