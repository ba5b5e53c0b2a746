/**
 * The SQL of « Recherche de profils » (/mon-espace/profils), in a plain module — no 'server-only' —
 * so that bench/profils-search.ts measures the very statements the page runs. Application code goes
 * through lib/data/profils.ts, which takes the signed-in StaffUser.
 *
 * What a structure may find: projects whose candidate consented (`visible`), of an active,
 * non-anonymised candidate account. Only the project is read — never the candidate's name, e-mail
 * or phone.
 *
 * The keyword (« Métier, type de contrat, diplôme, ... ») is searched in two steps:
 *  1. French full text (`exact`): `searchVector @@ plainto_tsquery('fr_unaccent', q)` — every word
 *     must match; accents, case, plural and feminine forms are ignored (« CARRELEUSE », « mosaiste »,
 *     « carreleurs »), stop words (« de », « d' ») left out. The GIN index on searchVector serves it,
 *     and PostgreSQL folds the (immutable) tsquery into a constant, so the planner knows how many
 *     projects it matches.
 *  2. When that finds less than a page of projects, near matches complete it (`near`): the
 *     projects where every word of 3 characters or more is close to a word of the project
 *     (`lower(unaccent(word)) <% searchText`, pg_trgm word similarity ≥ 0.6: « carleur » finds
 *     « carreleur », « apprentisage » finds « apprentissage »), ORed with the full-text match so that
 *     a BitmapOr of the two GIN indexes serves it. Full-text matches stay first.
 *  Near matches are not looked for when full text already fills a page: a correctly spelled common
 *  word (« apprentissage » is in 3 projects out of 4) would otherwise cost a similarity computation
 *  on tens of thousands of rows, to add nothing but noise.
 * Order: full-text matches by ts_rank (métier weighs more than diplôme, diplôme more than contract
 * types), then near matches by word similarity, then the most recently updated (the id breaks
 * ties: pages never overlap nor skip a project). Without keyword: the most recently updated first.
 *
 * Every statement is built with Prisma.sql tagged templates: user input only ever travels as bind
 * parameters.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/prisma-client';
import { PROFILS_PAGE_SIZE, type ProfilsFilters, type TypeAlternanceFiltre } from '@/lib/validations/profils';

/** Any client able to run raw queries: the app's, a transaction, a counting extension in tests. */
export type SqlClient = Pick<DbClient, '$queryRaw'>;

export type { ProfilsFilters };

/** Near matches (typos) are looked for from this many characters: shorter words match too much. */
export const NEAR_MATCH_MIN_LENGTH = 3;
/** At most this many words of a keyword are near-matched (each one must be close to the project). */
export const MOT_CLE_MAX_MOTS = 8;

/** `exact`: full text only; `near`: full text or near matches (see the module's comment). */
export type Matching = 'exact' | 'near';

export interface ProfilResume {
  numero: number;
  metier: string;
  types: TypeAlternanceFiltre[];
  niveau: number | null;
  diplomeIntitule: string | null;
  dureeAnnees: number | null;
  zoneRegion: boolean;
  departements: string[];
  /** In the current user's favourites. */
  favori: boolean;
}

export interface ProfilsResults {
  items: ProfilResume[];
  total: number;
  /** The page actually shown: a page past the end shows the last one. */
  page: number;
  pages: number;
}

/** The words near-matched: letters and digits, 3 characters or more (« d' », « de » are not). */
export function motsProches(q: string): string[] {
  const words = q.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= NEAR_MATCH_MIN_LENGTH);
  return [...new Set(words)].slice(0, MOT_CLE_MAX_MOTS);
}

/** plainto_tsquery(regconfig, text) is immutable: PostgreSQL computes it once, at planning. */
const tsQuery = (q: string) => Prisma.sql`plainto_tsquery('fr_unaccent', ${q})`;
/**
 * unaccent() is only stable: a scalar subquery makes PostgreSQL compute it once per statement (an
 * InitPlan), not once per row a recheck or a sort reads.
 */
const normalized = (text: string) => Prisma.sql`(SELECT lower(unaccent(${text})))`;

/**
 * The projects any staff member may find: consent given, and an active, non-anonymised candidate
 * account. Written as an anti-join: PostgreSQL hashes the few accounts that are not (through the
 * (role, active) index when there are no anonymised ones) instead of all of them.
 */
const SEARCHABLE = Prisma.sql`p."visible" AND NOT EXISTS (
    SELECT 1 FROM "User" u
    WHERE u."id" = p."candidatId" AND NOT (u."role" = 'CANDIDAT' AND u."active" AND u."anonymizedAt" IS NULL))`;

function keywordCondition(q: string, matching: Matching): Prisma.Sql {
  const exact = Prisma.sql`p."searchVector" @@ ${tsQuery(q)}`;
  const words = motsProches(q);
  if (matching === 'exact' || words.length === 0) return exact;
  const near = Prisma.join(
    words.map((w) => Prisma.sql`${normalized(w)} <% p."searchText"`),
    ' AND ',
  );
  return Prisma.sql`(${exact} OR (${near}))`;
}

/** WHERE … of a search: searchable projects, then the keyword and each filter given (ANDed). */
export function whereProfils(filters: ProfilsFilters, matching: Matching = 'exact'): Prisma.Sql {
  const conditions: Prisma.Sql[] = [SEARCHABLE];
  if (filters.q) conditions.push(keywordCondition(filters.q, matching));
  // a project looking in the whole region is looking in every département of it
  if (filters.departement) {
    conditions.push(Prisma.sql`(p."zoneRegion" OR p."departements" @> ARRAY[${filters.departement}]::text[])`);
  }
  if (filters.type) conditions.push(Prisma.sql`p."types" @> ARRAY[${filters.type}]::"TypeAlternance"[]`);
  if (filters.niveau !== undefined) conditions.push(Prisma.sql`p."niveau" = ${filters.niveau}`);
  return Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
}

/**
 * The sort keys, as output columns of the inner query (the outer one sorts by the same names):
 * full-text match first, its rank, the similarity of a near match, then the most recent change.
 */
function sortKeys(filters: ProfilsFilters, matching: Matching): Prisma.Sql {
  if (!filters.q) return Prisma.sql`true AS "exact", 0::real AS "rank", 0::real AS "similarity"`;
  const exact = Prisma.sql`p."searchVector" @@ ${tsQuery(filters.q)}`;
  const rank = Prisma.sql`ts_rank(p."searchVector", ${tsQuery(filters.q)})`;
  if (matching === 'exact' || motsProches(filters.q).length === 0) {
    return Prisma.sql`true AS "exact", ${rank} AS "rank", 0::real AS "similarity"`;
  }
  // the similarity only orders the near matches (full-text matches are ordered by their rank)
  const similarity = Prisma.sql`CASE WHEN ${exact} THEN 0 ELSE word_similarity(${normalized(filters.q)}, p."searchText") END`;
  return Prisma.sql`${exact} AS "exact", ${rank} AS "rank", ${similarity} AS "similarity"`;
}

const ORDER = Prisma.sql`ORDER BY "exact" DESC, "rank" DESC, "similarity" DESC, "updatedAt" DESC, "id"`;

/**
 * One page of results, best first, with whether each is in the user's favourites (looked up for
 * the page's rows only, after the LIMIT: no N+1, no second round trip).
 */
export function pageQuery(userId: string, filters: ProfilsFilters, page: number, matching: Matching = 'exact'): Prisma.Sql {
  const size = PROFILS_PAGE_SIZE;
  return Prisma.sql`
    SELECT r."numero", r."metier", r."types", r."niveau", r."diplomeIntitule", r."dureeAnnees", r."zoneRegion", r."departements",
      EXISTS (SELECT 1 FROM "Favori" f WHERE f."projetId" = r."id" AND f."userId" = ${userId}) AS "favori"
    FROM (
      SELECT p."id", p."numero", p."metier", p."types"::text[] AS "types", p."niveau", p."diplomeIntitule", p."dureeAnnees",
        p."zoneRegion", p."departements", p."updatedAt", ${sortKeys(filters, matching)}
      FROM "Projet" p
      ${whereProfils(filters, matching)}
      ${ORDER}
      LIMIT ${size} OFFSET ${(page - 1) * size}
    ) r
    ${ORDER}`;
}

export function countQuery(filters: ProfilsFilters, matching: Matching = 'exact'): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS "total" FROM "Projet" p ${whereProfils(filters, matching)}`;
}

async function run(client: SqlClient, userId: string, filters: ProfilsFilters, requested: number, matching: Matching): Promise<ProfilsResults> {
  const fetchPage = (p: number) => client.$queryRaw<ProfilResume[]>(pageQuery(userId, filters, p, matching));
  const [items, counted] = await Promise.all([fetchPage(requested), client.$queryRaw<{ total: number }[]>(countQuery(filters, matching))]);
  const total = counted[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PROFILS_PAGE_SIZE));
  if (requested > pages && total > 0) return { items: await fetchPage(pages), total, page: pages, pages };
  return { items, total, page: Math.min(requested, pages), pages };
}

/**
 * The search: the page and the count in parallel (two statements) with full text; when a keyword
 * finds less than a page of projects that way, the page and the count again with near matches.
 */
export async function searchProfilsWith(client: SqlClient, userId: string, filters: ProfilsFilters, page: number): Promise<ProfilsResults> {
  const requested = Math.max(1, Math.min(100_000, Math.floor(page) || 1));
  const exact = await run(client, userId, filters, requested, 'exact');
  if (!filters.q || exact.total >= PROFILS_PAGE_SIZE || motsProches(filters.q).length === 0) return exact;
  return run(client, userId, filters, requested, 'near');
}
