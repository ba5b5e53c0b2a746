/**
 * The search columns (Offre.searchText, Employeur.searchText, RomeAppellation.libelleRecherche,
 * Certification.intituleRecherche) hold lower(unaccent(…)) of the searched fields, computed by
 * PostgreSQL itself so that stored text and queries are normalised the same way. Queries compare
 * with `"searchText" LIKE '%' || lower(unaccent($q)) || '%'` (trigram GIN indexes serve them) or
 * with pg_trgm similarity for near matches.
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/prisma-client';

type Writer = Pick<DbClient, '$executeRaw'> | Prisma.TransactionClient;

/** Call after any write to an offer, its diplômes or its employer's name. */
export async function refreshOffreSearchText(db: Writer, offreId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Offre" o SET "searchText" = lower(unaccent(concat_ws(' ', o."metier", o."description", o."commune",
      (SELECT string_agg(d."intitule", ' ') FROM "OffreDiplome" d WHERE d."offreId" = o."id"),
      (SELECT e."raisonSociale" FROM "Employeur" e WHERE e."id" = o."employeurId"))))
    WHERE o."id" = ${offreId}`;
}

/** Call after any write to an employer's raison sociale, sigle, nom commercial or SIRET. */
export async function refreshEmployeurSearchText(db: Writer, employeurId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Employeur" SET "searchText" = lower(unaccent(concat_ws(' ', "raisonSociale", "sigle", "nomCommercial", "siret", "numero"::text)))
    WHERE "id" = ${employeurId}`;
}

/** Escapes LIKE wildcards in user input (the pattern adds its own %). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
