import { z } from 'zod';

/** « Créer une offre » / « Modifier »: one schema, shared by the client form and the server actions. */

export const TYPES_ALTERNANCE = ['APPRENTISSAGE', 'CONTRAT_PRO', 'STAGE_PRO'] as const;

export const DUREE_MIN = 1;
export const DUREE_MAX = 48;
export const POSTES_MIN = 1;
export const POSTES_MAX = 99;
export const DIPLOMES_MAX = 10;
export const DESCRIPTION_MAX = 4000;

export const OFFRE_MESSAGES = {
  types: "Cochez au moins un type d'alternance recherchée.",
  employeur: "Choisissez l'employeur associé à cette offre.",
  employeurNonValide:
    "Cet employeur n'est pas validé pour votre structure : choisissez un employeur de la liste. S'il n'y figure pas, ajoutez-le depuis « Ajouter un employeur » et attendez sa validation par l'équipe CMonAlternance.",
  metier: 'Saisissez un métier puis choisissez-le dans la liste proposée.',
  metierInconnu: "Ce métier n'existe pas dans le référentiel : saisissez-le de nouveau et choisissez-le dans la liste proposée.",
  description: `La description des missions ne doit pas dépasser ${DESCRIPTION_MAX} caractères.`,
  adresse: "Saisissez l'adresse du lieu de travail.",
  adresseLongue: "L'adresse ne doit pas dépasser 200 caractères.",
  complementLong: "Le complément d'adresse ne doit pas dépasser 200 caractères.",
  codePostal: 'Le code postal compte 5 chiffres, par exemple 33000.',
  codePostalManquant: 'Saisissez le code postal de la commune.',
  commune: 'Choisissez la commune dans la liste.',
  communeInconnue: 'Choisissez une commune de la liste correspondant à ce code postal.',
  dateEmbauche: "Saisissez la date prévue d'embauche, par exemple 01/09/2027.",
  datePassee: "La date prévue d'embauche ne peut pas être déjà passée : choisissez aujourd'hui ou une date à venir.",
  dateLointaine: "La date prévue d'embauche ne peut pas être à plus de 2 ans d'aujourd'hui.",
  duree: `La durée du contrat est un nombre entier de mois, de ${DUREE_MIN} à ${DUREE_MAX}.`,
  referent: "Choisissez le référent de l'offre parmi les membres de votre structure.",
  postes: `Le nombre de postes est un nombre entier, de ${POSTES_MIN} à ${POSTES_MAX}.`,
  diplomes: 'Ajoutez au moins un diplôme ou une formation à préparer.',
  diplomesTrop: `Vous pouvez ajouter au plus ${DIPLOMES_MAX} diplômes ou formations.`,
  diplomeDoublon: 'Ce diplôme ou cette formation figure déjà dans la liste.',
  diplomeInconnu:
    "Un des diplômes choisis n'existe pas dans le référentiel : retirez-le, puis saisissez-le de nouveau et choisissez-le dans la liste proposée.",
  offreIntrouvable: 'Offre introuvable.',
} as const;

// ── dates (the calendar day in Europe/Paris, as « YYYY-MM-DD ») ──

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Europe/Paris, « 2026-11-28 ». */
export function todayParis(now: Date = new Date()): string {
  return parisDay.format(now);
}

/** The latest allowed hiring date: the same day, two years later. */
export function maxDateEmbauche(now: Date = new Date()): string {
  const today = todayParis(now);
  return `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
}

/** « 2027-09-01 » → a real calendar date? */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A @db.Date value → « YYYY-MM-DD » (stored at UTC midnight). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ── fields ──

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** A whole number typed in a text/number input ('' → null), or sent as a number. */
const intField = (min: number, max: number, message: string, required: boolean) =>
  z
    .union([z.string(), z.number(), z.null()], { error: message })
    .transform((v) => (v === null ? null : typeof v === 'number' ? v : v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN))
    .refine((v) => (v === null ? !required : Number.isInteger(v) && v >= min && v <= max), message);

export const diplomeSchema = z.object({
  /** null only for a diplôme an older offer already held without a link to the referential */
  certificationId: z.string().max(40).nullable(),
  /** shown in the form; the server re-reads the intitulé and the level from the referential */
  intitule: z.string().trim().min(1).max(300),
  niveau: z.number().int().nullable(),
});
export type DiplomeChoisi = z.infer<typeof diplomeSchema>;

function diplomeKey(d: { certificationId: string | null; intitule: string }) {
  return d.certificationId ?? `intitule:${d.intitule.trim().toLowerCase()}`;
}

/**
 * `dateInitiale`: on « Modifier », the offer's stored hiring date stays acceptable even if it is
 * past now (the user fixes something else). `pastAllowed`: the update action parses before it has
 * read the offer; lib/data/offres applies the same rule with the stored date, inside its transaction.
 */
export function offreSchemaFor(opts: { dateInitiale?: string | null; pastAllowed?: boolean; now?: Date } = {}) {
  return z
    .object({
      types: z
        .array(z.enum(TYPES_ALTERNANCE, { error: OFFRE_MESSAGES.types }), { error: OFFRE_MESSAGES.types })
        .min(1, OFFRE_MESSAGES.types)
        .transform((v) => TYPES_ALTERNANCE.filter((t) => v.includes(t))),
      employeurId: z.string({ error: OFFRE_MESSAGES.employeur }).trim().min(1, OFFRE_MESSAGES.employeur).max(40, OFFRE_MESSAGES.employeur),
      appellationCode: z.string({ error: OFFRE_MESSAGES.metier }).trim().min(1, OFFRE_MESSAGES.metier).max(20, OFFRE_MESSAGES.metier),
      /** the chosen libellé, for the form only: the server takes it from the referential */
      metier: z.string().max(300).optional(),
      description: optionalText(DESCRIPTION_MAX, OFFRE_MESSAGES.description),
      adresse: z.string({ error: OFFRE_MESSAGES.adresse }).trim().min(1, OFFRE_MESSAGES.adresse).max(200, OFFRE_MESSAGES.adresseLongue),
      complementAdresse: optionalText(200, OFFRE_MESSAGES.complementLong),
      codePostal: z
        .string()
        .trim()
        .refine((v) => v === '' || /^\d{5}$/.test(v), OFFRE_MESSAGES.codePostal)
        .transform((v) => (v === '' ? null : v))
        .nullable()
        .optional(),
      communeInsee: z
        .string()
        .trim()
        .refine((v) => v === '' || /^\d[\dAB]\d{3}$/.test(v), OFFRE_MESSAGES.commune)
        .transform((v) => (v === '' ? null : v))
        .nullable()
        .optional(),
      dateEmbauche: z
        .string({ error: OFFRE_MESSAGES.dateEmbauche })
        .trim()
        .refine(isIsoDate, OFFRE_MESSAGES.dateEmbauche)
        .superRefine((v, ctx) => {
          if (!isIsoDate(v)) return;
          const now = opts.now ?? new Date();
          if (v < todayParis(now) && v !== opts.dateInitiale && !opts.pastAllowed) ctx.addIssue({ code: 'custom', message: OFFRE_MESSAGES.datePassee });
          else if (v > maxDateEmbauche(now)) ctx.addIssue({ code: 'custom', message: OFFRE_MESSAGES.dateLointaine });
        }),
      dureeMois: intField(DUREE_MIN, DUREE_MAX, OFFRE_MESSAGES.duree, false),
      referentId: z.string({ error: OFFRE_MESSAGES.referent }).trim().min(1, OFFRE_MESSAGES.referent).max(40, OFFRE_MESSAGES.referent),
      nombrePostes: intField(POSTES_MIN, POSTES_MAX, OFFRE_MESSAGES.postes, true),
      diplomes: z
        .array(diplomeSchema, { error: OFFRE_MESSAGES.diplomes })
        .min(1, OFFRE_MESSAGES.diplomes)
        .max(DIPLOMES_MAX, OFFRE_MESSAGES.diplomesTrop)
        .refine((list) => new Set(list.map(diplomeKey)).size === list.length, OFFRE_MESSAGES.diplomeDoublon),
    })
    .superRefine((v, ctx) => {
      if (v.codePostal && !v.communeInsee) ctx.addIssue({ code: 'custom', path: ['communeInsee'], message: OFFRE_MESSAGES.commune });
      if (v.communeInsee && !v.codePostal) ctx.addIssue({ code: 'custom', path: ['codePostal'], message: OFFRE_MESSAGES.codePostalManquant });
    });
}

/** « Créer une offre »: the hiring date is today or later. */
export const offreSchema = offreSchemaFor();

export type OffreInput = z.input<ReturnType<typeof offreSchemaFor>>;
export type OffreData = z.output<ReturnType<typeof offreSchemaFor>>;

/** « 0000001465 » or « 1465 » in a URL or a request. */
export const numeroOffreSchema = z.coerce
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .refine((n) => n >= 1 && n <= 2_147_483_647);

/** The referential autocompletes: trimmed, at least 2 characters, at most 100. */
// no NUL character: PostgreSQL refuses it in a text parameter (the query would fail with a 500)
export const rechercheSchema = z.string().trim().min(2).max(100).regex(/^[^\u0000]*$/);
