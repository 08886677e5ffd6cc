-- When the Hub's Owners were mailed a feedback message (SMTP configured); null = stored only.
ALTER TABLE "Feedback" ADD COLUMN "mailedAt" TIMESTAMP(3);
