/**
 * The SQL of the public offer pages (/offres, /offres/[numero], the sitemap and the 410 branch of
 * proxy.ts), in a plain module — no 'server-only' — so that bench/offres-publiques.ts measures the
 * very queries the site runs. Application code goes through lib/data/offres-publiques.ts.
 *
 * What is public: an offer « En cours » (the detail page also knows the other statuses, to answer
 * 410), of an active structure, whose employer is validated FOR THAT STRUCTURE (the
 * StructureEmployeur link with the same structureId/employeurId has status VALIDE). Nothing here
 * reads a contact detail (e-mail, phone, street address) of the employer, the structure or the
 * workplace: what is not read cannot leak into a page.
 *
 * Every query is one statement built with Prisma.sql tagged templates: user input only ever
 * travels as bind parameters, keywords are LIKE-escaped (lib/search.ts escapeLike) and normalised
 * by PostgreSQL itself (lower(unaccent(…)), as Offre.searchText was).
 */
import { Prisma } from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/prisma-client';
import { escapeLike } from '@/lib/search';
import { OFFRES_PUBLIQUES_PAGE_SIZE, cleanMotCle, type TypeAlternanceFiltre } from '@/lib/validations/offres-publiques';

/** Nouvelle-Aquitaine's INSEE region code (the referential import uses the same). */
export const REGION_NOUVELLE_AQUITAINE = '75';

/** At most this many words of a keyword are searched (each one must appear). */
export const MOT_CLE_MAX_MOTS = 8;

/** Any client able to run raw queries: the app's, a transaction, a counting extension in tests. */
export type SqlClient = Pick<DbClient, '$queryRaw'>;

export interface OffresPubliquesFilters {
  q?: string;
  departement?: string;
  commune?: string;
  types?: readonly TypeAlternanceFiltre[];
  niveau?: number;
  page?: number;
}

export interface DiplomePublic {
  intitule: string;
  niveau: number | null;
}

export interface OffrePubliqueResume {
  numero: number;
  metier: string;
  types: TypeAlternanceFiltre[];
  commune: string | null;
  codePostal: string | null;
  departementCode: string | null;
  departementNom: string | null;
  dateEmbauche: Date;
  publishedAt: Date;
  employeur: string;
  diplomes: DiplomePublic[];
}

export interface OffresPubliquesResults {
  offres: OffrePubliqueResume[];
  total: number;
  /** The page actually shown: a page past the end shows the last one. */
  page: number;
  pageCount: number;
}

/** The words of a keyword, LIKE-escaped: « Carreleuse  mosaïste » → ['Carreleuse', 'mosaïste']. */
export function motsCles(q: string | undefined): string[] {
  if (!q) return [];
  const words = cleanMotCle(q).split(' ').filter(Boolean);
  return [...new Set(words)].slice(0, MOT_CLE_MAX_MOTS).map(escapeLike);
}

/**
 * FROM … of the public offers: the structure is active and the employer validated for it (the
 * link is unique per structure and employer: the joins never duplicate an offer). The employer's
 * name is joined by the callers that show it, after the LIMIT when there is one.
 */
const PUBLIC_FROM = Prisma.sql`
  FROM "Offre" o
  JOIN "Structure" s ON s."id" = o."structureId" AND s."active"
  JOIN "StructureEmployeur" se
    ON se."structureId" = o."structureId" AND se."employeurId" = o."employeurId" AND se."status" = 'VALIDE'`;

/** WHERE … of a search: open offers, then each filter given (ANDed). */
export function whereOffresPubliques(filters: OffresPubliquesFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`o."status" = 'EN_COURS'`];
  for (const word of motsCles(filters.q)) {
    // the trigram GIN index on searchText serves each LIKE; `\` is LIKE's default escape character
    conditions.push(Prisma.sql`o."searchText" LIKE '%' || lower(unaccent(${word})) || '%'`);
  }
  if (filters.departement) conditions.push(Prisma.sql`o."departementCode" = ${filters.departement}`);
  if (filters.commune) conditions.push(Prisma.sql`o."communeInsee" = ${filters.commune}`);
  if (filters.types && filters.types.length > 0) {
    conditions.push(Prisma.sql`o."types" && ${[...filters.types]}::"TypeAlternance"[]`);
  }
  if (filters.niveau !== undefined) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "OffreDiplome" fd WHERE fd."offreId" = o."id" AND fd."niveau" = ${filters.niveau})`,
    );
  }
  return Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
}

/**
 * One page of results, with each offer's diplômes (aggregated for the page's rows only, after the
 * LIMIT: no N+1, no second round trip), most recent publication first (the id breaks ties, so
 * pages never overlap nor skip an offer).
 */
export function pageQuery(filters: OffresPubliquesFilters, page: number): Prisma.Sql {
  const size = OFFRES_PUBLIQUES_PAGE_SIZE;
  return Prisma.sql`
    SELECT p."numero", p."metier", p."types", p."commune", p."codePostal", p."departementCode",
      dep."nom" AS "departementNom", p."dateEmbauche", p."publishedAt", e."raisonSociale" AS "employeur",
      COALESCE((
        SELECT json_agg(json_build_object('intitule', d."intitule", 'niveau', d."niveau")
                        ORDER BY d."niveau" NULLS LAST, d."intitule")
        FROM "OffreDiplome" d WHERE d."offreId" = p."id"
      ), '[]'::json) AS "diplomes"
    FROM (
      SELECT o."id", o."numero", o."metier", o."types"::text[] AS "types", o."commune", o."codePostal",
        o."departementCode", o."dateEmbauche", o."publishedAt", o."employeurId"
      ${PUBLIC_FROM}
      ${whereOffresPubliques(filters)}
      ORDER BY o."publishedAt" DESC, o."id"
      LIMIT ${size} OFFSET ${(page - 1) * size}
    ) p
    JOIN "Employeur" e ON e."id" = p."employeurId"
    LEFT JOIN "Departement" dep ON dep."code" = p."departementCode"
    ORDER BY p."publishedAt" DESC, p."id"`;
}

export function countQuery(filters: OffresPubliquesFilters): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS "total" ${PUBLIC_FROM} ${whereOffresPubliques(filters)}`;
}

/**
 * The search: exactly two statements (the page and the count, in parallel), a third one only
 * when an old link asks for a page past the end (the last page is fetched instead).
 */
export async function searchOffresPubliquesWith(client: SqlClient, filters: OffresPubliquesFilters): Promise<OffresPubliquesResults> {
  const requested = Math.max(1, Math.min(100_000, Math.floor(filters.page ?? 1)));
  const fetchPage = (page: number) => client.$queryRaw<OffrePubliqueResume[]>(pageQuery(filters, page));
  const [offres, counted] = await Promise.all([
    fetchPage(requested),
    client.$queryRaw<{ total: number }[]>(countQuery(filters)),
  ]);
  const total = counted[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / OFFRES_PUBLIQUES_PAGE_SIZE));
  if (requested > pageCount && total > 0) {
    return { offres: await fetchPage(pageCount), total, page: pageCount, pageCount };
  }
  return { offres, total, page: Math.min(requested, pageCount), pageCount };
}

export interface DepartementOption {
  code: string;
  nom: string;
  /** Communes with at least one public open offer: only for the chosen département, else null. */
  communes: { code: string; nom: string }[] | null;
}

/**
 * The options of the search form in one statement: the 12 départements of Nouvelle-Aquitaine and,
 * for the chosen one only, its communes that have public open offers (sorted by name).
 */
export function optionsQuery(departement: string | undefined): Prisma.Sql {
  return Prisma.sql`
    SELECT d."code", d."nom",
      CASE WHEN d."code" = ${departement ?? null}::text THEN COALESCE((
        SELECT json_agg(json_build_object('code', c."code", 'nom', c."nom") ORDER BY c."nom", c."code")
        FROM (
          SELECT o."communeInsee" AS "code", min(o."commune") AS "nom"
          ${PUBLIC_FROM}
          WHERE o."status" = 'EN_COURS' AND o."departementCode" = d."code"
            AND o."communeInsee" IS NOT NULL AND o."commune" IS NOT NULL
          GROUP BY o."communeInsee"
        ) c
      ), '[]'::json) END AS "communes"
    FROM "Departement" d
    WHERE d."regionCode" = ${REGION_NOUVELLE_AQUITAINE}
    ORDER BY d."code"`;
}

export function searchOptionsWith(client: SqlClient, departement: string | undefined): Promise<DepartementOption[]> {
  return client.$queryRaw<DepartementOption[]>(optionsQuery(departement));
}

export type StatutOffre = 'EN_COURS' | 'POURVUE' | 'ARCHIVEE';

/**
 * The status of a public offer (active structure, employer validated for it), or null when no
 * such offer: the unique index on numero and the primary keys serve it.
 */
export async function statutOffrePubliqueWith(client: SqlClient, numero: number): Promise<StatutOffre | null> {
  const rows = await client.$queryRaw<{ status: StatutOffre }[]>`
    SELECT o."status"::text AS "status"
    FROM "Offre" o
    JOIN "Structure" s ON s."id" = o."structureId" AND s."active"
    JOIN "StructureEmployeur" se
      ON se."structureId" = o."structureId" AND se."employeurId" = o."employeurId" AND se."status" = 'VALIDE'
    WHERE o."numero" = ${numero}`;
  return rows[0]?.status ?? null;
}

export interface OffrePubliqueDetail extends OffrePubliqueResume {
  status: StatutOffre;
  description: string | null;
  dureeMois: number | null;
  nombrePostes: number;
  updatedAt: Date;
  /** The employer's NAF section letter and code (the page shows the section's label). */
  employeurDomaine: string | null;
  employeurCodeNaf: string | null;
}

/** A public offer (whatever its status: the caller decides) with its diplômes, in one statement. */
export async function offrePubliqueWith(client: SqlClient, numero: number): Promise<OffrePubliqueDetail | null> {
  const rows = await client.$queryRaw<OffrePubliqueDetail[]>`
    SELECT o."numero", o."status"::text AS "status", o."metier", o."types"::text[] AS "types", o."description",
      o."commune", o."codePostal", o."departementCode", dep."nom" AS "departementNom",
      o."dateEmbauche", o."publishedAt", o."updatedAt", o."dureeMois", o."nombrePostes",
      e."raisonSociale" AS "employeur", e."domaineActivite" AS "employeurDomaine", e."codeNaf" AS "employeurCodeNaf",
      COALESCE((
        SELECT json_agg(json_build_object('intitule', d."intitule", 'niveau', d."niveau")
                        ORDER BY d."niveau" NULLS LAST, d."intitule")
        FROM "OffreDiplome" d WHERE d."offreId" = o."id"
      ), '[]'::json) AS "diplomes"
    ${PUBLIC_FROM}
    JOIN "Employeur" e ON e."id" = o."employeurId"
    LEFT JOIN "Departement" dep ON dep."code" = o."departementCode"
    WHERE o."numero" = ${numero}`;
  return rows[0] ?? null;
}

/** Every public open offer's number and last change, for the sitemap (newest first). */
export function offresSitemapWith(client: SqlClient): Promise<{ numero: number; updatedAt: Date }[]> {
  return client.$queryRaw<{ numero: number; updatedAt: Date }[]>`
    SELECT o."numero", o."updatedAt"
    ${PUBLIC_FROM}
    WHERE o."status" = 'EN_COURS'
    ORDER BY o."publishedAt" DESC, o."id"
    LIMIT 50000`;
}
