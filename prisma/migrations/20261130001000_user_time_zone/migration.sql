-- The member's display time zone (IANA name); null means the browser's own.
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
