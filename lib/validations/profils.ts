import { z } from 'zod';
import { CODES_DEPARTEMENTS_NA } from '@/lib/referentiels/departements';
import { NIVEAU_MAX, NIVEAU_MIN } from '@/lib/referentiels/niveaux';
import { TYPES_ALTERNANCE, cleanMotCle, type TypeAlternanceFiltre } from '@/lib/validations/offres-publiques';

/** « Recherche de profils »: results per page. */
export const PROFILS_PAGE_SIZE = 20;

/** Longest keyword kept (a longer one is cut, never refused: the user still gets results). */
export const PROFILS_MOT_CLE_MAX = 100;

/** A search param may arrive once, several times (`?a=1&a=2`: the first one counts) or not at all. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** An empty field of the GET form (« Toute la région ») means « no filter ». */
const blankToUndefined = (value: unknown) => {
  const v = first(value);
  return typeof v === 'string' ? v.trim() || undefined : v;
};
/** Each param is checked on its own: an invalid value is dropped (`.catch`), the others still apply. */
const param = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).catch(undefined);

/**
 * The URL of /mon-espace/profils carries the search: `?q=carreleur&departement=33
 * &type=APPRENTISSAGE&niveau=3&page=2`. Invalid values are ignored — never an error page.
 */
export const profilsSearchSchema = z.object({
  /** whitespace collapsed, control characters removed, cut at 100 characters */
  q: z
    .preprocess(first, z.string().optional())
    .catch(undefined)
    .transform((v) => (v === undefined ? undefined : cleanMotCle(v).slice(0, PROFILS_MOT_CLE_MAX).trim() || undefined)),
  departement: param(z.enum(CODES_DEPARTEMENTS_NA as [string, ...string[]])),
  type: param(z.enum(TYPES_ALTERNANCE)),
  niveau: param(z.coerce.number().int().min(NIVEAU_MIN).max(NIVEAU_MAX)),
  page: z
    .preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).optional())
    .catch(undefined)
    .transform((v) => v ?? 1),
});

export type ProfilsSearch = z.output<typeof profilsSearchSchema>;
/** The filters of a search (what the URL carries, but the page). */
export interface ProfilsFilters {
  q?: string;
  departement?: string;
  type?: TypeAlternanceFiltre;
  niveau?: number;
}
export type { TypeAlternanceFiltre };

export const EMPTY_PROFILS_SEARCH: ProfilsSearch = { q: undefined, departement: undefined, type: undefined, niveau: undefined, page: 1 };

/** Never throws: whatever the URL holds, the page gets usable filters. */
export function parseProfilsSearch(params: Record<string, string | string[] | undefined> | undefined): ProfilsSearch {
  const parsed = profilsSearchSchema.safeParse(params ?? {});
  return parsed.success ? parsed.data : EMPTY_PROFILS_SEARCH;
}

/** The search page's URL for these filters (empty ones left out) and page. */
export function profilsHref(filters: ProfilsFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.departement) params.set('departement', filters.departement);
  if (filters.type) params.set('type', filters.type);
  if (filters.niveau !== undefined) params.set('niveau', String(filters.niveau));
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/mon-espace/profils?${query}` : '/mon-espace/profils';
}
