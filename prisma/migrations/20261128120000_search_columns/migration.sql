-- AlterTable
ALTER TABLE "Employeur" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Offre" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "RomeAppellation" ADD COLUMN     "libelleRecherche" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Certification" ADD COLUMN     "intituleRecherche" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Employeur_searchText_idx" ON "Employeur" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Offre_searchText_idx" ON "Offre" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "RomeAppellation_libelleRecherche_idx" ON "RomeAppellation" USING GIN ("libelleRecherche" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Certification_intituleRecherche_idx" ON "Certification" USING GIN ("intituleRecherche" gin_trgm_ops);


-- Backfill the search columns of existing rows (the application keeps them up to date afterwards,
-- with lib/search.ts normalizeSearch, which matches lower(unaccent(...)) for French text).
UPDATE "RomeAppellation" SET "libelleRecherche" = lower(unaccent("libelle"));
UPDATE "Certification" SET "intituleRecherche" = lower(unaccent("intitule"));
UPDATE "Employeur" SET "searchText" = lower(unaccent(concat_ws(' ', "raisonSociale", "sigle", "nomCommercial", "siret", "numero"::text)));
UPDATE "Offre" o SET "searchText" = lower(unaccent(concat_ws(' ', o."metier", o."description", o."commune",
  (SELECT string_agg(d."intitule", ' ') FROM "OffreDiplome" d WHERE d."offreId" = o."id"))));
