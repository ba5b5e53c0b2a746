-- Regional scale (npm run bench): the public offer search reads only open offers (about a tenth
-- of them), « Recherche de profils » leaves out the projects of the few accounts that are not
-- active candidates. Partial indexes (Prisma preview feature partialIndexes).

-- CreateIndex
CREATE INDEX "Offre_searchText_en_cours_idx" ON "Offre" USING GIN ("searchText" gin_trgm_ops) WHERE "status" = 'EN_COURS';

-- CreateIndex
CREATE INDEX "User_hors_candidats_actifs_idx" ON "User"("id") WHERE NOT ("role" = 'CANDIDAT' AND "active" AND "anonymizedAt" IS NULL);
