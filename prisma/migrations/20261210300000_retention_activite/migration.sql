-- Retention (RGPD): last activity of a signed-in user and the inactivity warning's date.
ALTER TABLE "User" ADD COLUMN "lastSeenAt" TIMESTAMP(3);
ALTER TABLE "User" ADD COLUMN "inactivityWarnedAt" TIMESTAMP(3);
