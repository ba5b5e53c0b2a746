/**
 * The search columns (Offre.searchText, Employeur.searchText, RomeAppellation.libelleRecherche,
 * Certification.intituleRecherche) hold lower(unaccent(…)) of the searched fields, computed by
 * PostgreSQL itself so that stored text and queries are normalised the same way. Queries compare
 * with `"searchText" LIKE '%' || lower(unaccent($q)) || '%'` (trigram GIN indexes serve them) or
 * with pg_trgm similarity for near matches.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/prisma-client';

type Writer = Pick<DbClient, '$executeRaw'> | Prisma.TransactionClient;

/**
 * SET clause of an `UPDATE "Offre" o`: métier, description, commune, diplômes and employer, as the
 * public offer search reads them. The benchmark data generator fills its rows with this constant.
 */
export const OFFRE_SEARCH_SET_SQL = `
  "searchText" = lower(unaccent(concat_ws(' ', o."metier", o."description", o."commune",
    (SELECT string_agg(d."intitule", ' ') FROM "OffreDiplome" d WHERE d."offreId" = o."id"),
    (SELECT e."raisonSociale" FROM "Employeur" e WHERE e."id" = o."employeurId"))))`;

/** SET clause of an `UPDATE "Employeur" e` (« Suivi des employeurs » search). */
export const EMPLOYEUR_SEARCH_SET_SQL = `
  "searchText" = lower(unaccent(concat_ws(' ', e."raisonSociale", e."sigle", e."nomCommercial", e."siret", e."numero"::text)))`;

/** Call after any write to an offer, its diplômes or its employer's name. */
export async function refreshOffreSearchText(db: Writer, offreId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`UPDATE "Offre" o SET ${Prisma.raw(OFFRE_SEARCH_SET_SQL)} WHERE o."id" = ${offreId}`);
}

/** Call after any write to an employer's raison sociale, sigle, nom commercial or SIRET. */
export async function refreshEmployeurSearchText(db: Writer, employeurId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`UPDATE "Employeur" e SET ${Prisma.raw(EMPLOYEUR_SEARCH_SET_SQL)} WHERE e."id" = ${employeurId}`);
}

/**
 * The words of a project's contract types: the guide's labels (lib/labels.ts) plus the usual short
 * form « contrat pro » (« stage pro » is a near match of « Stage professionnel » already).
 */
const PROJET_TYPES_TEXT = `array_to_string(ARRAY(SELECT CASE t WHEN 'APPRENTISSAGE' THEN 'Contrat d''apprentissage' WHEN 'CONTRAT_PRO' THEN 'Contrat de professionnalisation contrat pro' WHEN 'STAGE_PRO' THEN 'Stage professionnel' END FROM unnest(p."types") AS t), ' ')`;

/**
 * SET clause of an `UPDATE "Projet" p`: the search columns of « Recherche de profils » —
 * searchText (lower(unaccent(…)), trigram index: near matches) and searchVector (French full text
 * with the fr_unaccent configuration, weighted métier A, diplôme B, types C). The migration
 * 20261201120000_projet_search backfilled existing rows with these very expressions; the profile
 * bench fills its generated rows with this constant (no user input in it).
 */
export const PROJET_SEARCH_SET_SQL = `
  "searchText" = lower(unaccent(concat_ws(' ', p."metier", p."diplomeIntitule", ${PROJET_TYPES_TEXT}))),
  "searchVector" = setweight(to_tsvector('fr_unaccent', p."metier"), 'A')
    || setweight(to_tsvector('fr_unaccent', coalesce(p."diplomeIntitule", '')), 'B')
    || setweight(to_tsvector('fr_unaccent', ${PROJET_TYPES_TEXT}), 'C')`;

/** Call after any write to a project's métier, diplôme or contract types (creation, « Modifier »). */
export async function refreshProjetSearchText(db: Writer, projetId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`UPDATE "Projet" p SET ${Prisma.raw(PROJET_SEARCH_SET_SQL)} WHERE p."id" = ${projetId}`);
}

/** Escapes LIKE wildcards in user input (the pattern adds its own %). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
