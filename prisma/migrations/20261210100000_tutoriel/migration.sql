-- The interactive tutorial (« Suivez le guide ! »): offered once, then started, skipped or finished.
CREATE TYPE "TutorielStatut" AS ENUM ('JAMAIS_PROPOSE', 'PROPOSE', 'EN_COURS', 'PASSE', 'TERMINE');

ALTER TABLE "User" ADD COLUMN "tutorielStatut" "TutorielStatut" NOT NULL DEFAULT 'JAMAIS_PROPOSE';
