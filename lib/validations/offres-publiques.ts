import { z } from 'zod';
import { NIVEAU_MAX, NIVEAU_MIN } from '@/lib/referentiels/niveaux';

/** Public offer search: results per page. */
export const OFFRES_PUBLIQUES_PAGE_SIZE = 20;

/** Longest keyword kept (a longer one is cut, never refused: the visitor still gets results). */
export const MOT_CLE_MAX = 100;

export const TYPES_ALTERNANCE = ['APPRENTISSAGE', 'CONTRAT_PRO', 'STAGE_PRO'] as const;
export type TypeAlternanceFiltre = (typeof TYPES_ALTERNANCE)[number];

/** A search param may arrive once, several times (`?a=1&a=2`: the first one counts) or not at all. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** An empty field of the GET form (« Tous les départements ») means « no filter ». */
const blankToUndefined = (value: unknown) => {
  const v = first(value);
  return typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v;
};

/** Each param is checked on its own: an invalid value is dropped (`.catch`), the others still apply. */
const param = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).catch(undefined);

/** Whitespace collapsed, control characters removed, cut at MOT_CLE_MAX characters. */
export function cleanMotCle(value: string): string {
  return value
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MOT_CLE_MAX)
    .trim();
}

const motCleSchema = z
  .preprocess(first, z.string().optional())
  .catch(undefined)
  .transform((v) => (v === undefined ? undefined : cleanMotCle(v) || undefined));

const departementSchema = param(z.string().regex(/^(?:\d{2,3}|2[AB])$/));
/** INSEE code of a commune (COG): 5 characters, Corsica's « 2A »/« 2B » included. */
const communeSchema = param(z.string().regex(/^(?:\d{5}|2[AB]\d{3})$/));
const niveauSchema = param(z.coerce.number().int().min(NIVEAU_MIN).max(NIVEAU_MAX));

/** `?type=APPRENTISSAGE&type=CONTRAT_PRO` (checkboxes): unknown values are dropped, duplicates too. */
const typesSchema = z
  .unknown()
  .transform((value) => {
    const values = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
    return TYPES_ALTERNANCE.filter((t) => values.includes(t));
  })
  .catch([]);

const pageSchema = z
  .preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).optional())
  .catch(undefined)
  .transform((v) => v ?? 1);

/**
 * The URL of /offres carries the search: `?q=carreleur&departement=33&type=APPRENTISSAGE&niveau=3
 * &commune=33063&page=2`. Invalid values are ignored (never an error page); a commune outside the
 * chosen département (left over when the visitor changed the département without JavaScript) is
 * dropped too.
 */
export const offresPubliquesSearchSchema = z
  .object({
    q: motCleSchema,
    departement: departementSchema,
    commune: communeSchema,
    type: typesSchema,
    niveau: niveauSchema,
    page: pageSchema,
  })
  .transform(({ q, departement, commune, type, niveau, page }) => ({
    q,
    departement,
    commune: commune && departement && !commune.startsWith(departement) ? undefined : commune,
    types: type,
    niveau,
    page,
  }));

export type OffresPubliquesSearch = z.output<typeof offresPubliquesSearchSchema>;

export const EMPTY_OFFRES_SEARCH: OffresPubliquesSearch = {
  q: undefined,
  departement: undefined,
  commune: undefined,
  types: [],
  niveau: undefined,
  page: 1,
};

/** Never throws: whatever the URL holds, the page gets usable filters. */
export function parseOffresPubliquesSearch(params: Record<string, string | string[] | undefined> | undefined): OffresPubliquesSearch {
  const parsed = offresPubliquesSearchSchema.safeParse(params ?? {});
  return parsed.success ? parsed.data : EMPTY_OFFRES_SEARCH;
}

/** An offer's public number in a URL: 1 to 10 digits, within PostgreSQL's integer range. */
export function parseNumeroOffre(value: string): number | null {
  if (!/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}
