import { z } from 'zod';

/** « Vite mon stage »: results per page. */
export const VITE_MON_STAGE_PAGE_SIZE = 20;

export const NIVEAUX_STAGE = ['3e', '2de'] as const;
export type NiveauStage = (typeof NIVEAUX_STAGE)[number];

/** A search param may arrive once, several times (`?a=1&a=2`: the first one counts) or not at all. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** An empty field of the GET form (« Tous les départements ») means « no filter ». */
const blankToUndefined = (value: unknown) => {
  const v = first(value);
  return typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v;
};

/** Each param is checked on its own: an invalid value is dropped (`.catch`), the others still apply. */
const param = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).catch(undefined);

const departementSchema = param(z.string().regex(/^(?:\d{2,3}|2[AB])$/));
/** INSEE code of a commune (COG): 5 characters, Corsica's « 2A »/« 2B » included. */
const communeSchema = param(z.string().regex(/^(?:\d{5}|2[AB]\d{3})$/));
const niveauSchema = param(z.enum(NIVEAUX_STAGE));
const pageSchema = z
  .preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).optional())
  .catch(undefined)
  .transform((v) => v ?? 1);

/**
 * The URL of the page carries the filters: `?departement=33&niveau=3e&commune=33063&page=2`.
 * Invalid values are ignored (never an error page); a commune outside the chosen département
 * (left over when the visitor changed the département without JavaScript) is dropped too.
 */
export const viteMonStageSearchSchema = z
  .object({
    departement: departementSchema,
    commune: communeSchema,
    niveau: niveauSchema,
    page: pageSchema,
  })
  .transform(({ departement, commune, niveau, page }) => ({
    departement,
    commune: commune && departement && !commune.startsWith(departement) ? undefined : commune,
    niveau,
    page,
  }));

export type ViteMonStageSearch = z.output<typeof viteMonStageSearchSchema>;

/** Never throws: whatever the URL holds, the page gets usable filters. */
export function parseViteMonStageSearch(params: Record<string, string | string[] | undefined> | undefined): ViteMonStageSearch {
  const parsed = viteMonStageSearchSchema.safeParse(params ?? {});
  return parsed.success ? parsed.data : { departement: undefined, commune: undefined, niveau: undefined, page: 1 };
}
