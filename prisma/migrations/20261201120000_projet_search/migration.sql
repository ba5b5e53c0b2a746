-- « Recherche de profils »: French full-text search (with accents and word forms ignored) and
-- trigram near matches over a project's métier, diplôme and contract types.

-- A French text search configuration that also removes accents: « mosaïste », « Mosaiste » and
-- « MOSAÏSTES » all give the lexeme 'mosaist'. (The unaccent dictionary comes with the extension
-- created by the first migration; works on PostgreSQL 15+ and on PGlite.)
CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- AlterTable
ALTER TABLE "Projet" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Projet_searchText_idx" ON "Projet" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Projet_searchVector_idx" ON "Projet" USING GIN ("searchVector");

-- Backfill the existing projects (the application keeps both columns up to date afterwards with
-- lib/search.ts refreshProjetSearchText, which runs exactly these expressions).
UPDATE "Projet" p SET
  "searchText" = lower(unaccent(concat_ws(' ', p."metier", p."diplomeIntitule",
    array_to_string(ARRAY(SELECT CASE t WHEN 'APPRENTISSAGE' THEN 'Contrat d''apprentissage' WHEN 'CONTRAT_PRO' THEN 'Contrat de professionnalisation contrat pro' WHEN 'STAGE_PRO' THEN 'Stage professionnel' END FROM unnest(p."types") AS t), ' ')))),
  "searchVector" = setweight(to_tsvector('fr_unaccent', p."metier"), 'A')
    || setweight(to_tsvector('fr_unaccent', coalesce(p."diplomeIntitule", '')), 'B')
    || setweight(to_tsvector('fr_unaccent',
      array_to_string(ARRAY(SELECT CASE t WHEN 'APPRENTISSAGE' THEN 'Contrat d''apprentissage' WHEN 'CONTRAT_PRO' THEN 'Contrat de professionnalisation contrat pro' WHEN 'STAGE_PRO' THEN 'Stage professionnel' END FROM unnest(p."types") AS t), ' ')), 'C');
