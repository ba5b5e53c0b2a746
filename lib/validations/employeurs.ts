import { z } from 'zod';
import { isValidSiret, normalizeSiret } from '@/lib/entreprises/siret';
import { NAF_SECTIONS } from '@/lib/referentiels/naf-sections';
import { telephoneSchema } from '@/lib/validations/auth';

/**
 * « Suivi des employeurs » and « Ajouter un employeur »: the schema shared by the client form and
 * the server action, the list's search params, the admin decision, and the user-facing messages.
 */

export const EMPLOYEURS_PAGE_SIZE = 20;

export const EMPLOYEURS_MESSAGES = {
  demandeEnvoyee: "La demande d'ajout d'un employeur devra être validée par l'équipe CMonAlternance.",
  dejaSuivi: (statut: string) => `Cet employeur fait déjà partie de vos employeurs (statut : ${statut}).`,
  tropDeDemandes: "Vous avez envoyé beaucoup de demandes d'ajout d'employeur en peu de temps : réessayez dans une heure.",
  reserveAdmin: "Seule l'équipe CMonAlternance peut valider ou refuser un employeur.",
  demandeIntrouvable: "Cette demande d'ajout d'employeur est introuvable.",
  dejaDecidee: (statut: string) => `Cette demande a déjà été traitée (statut : ${statut}).`,
  motifObligatoire: 'Indiquez le motif du refus : il sera communiqué à la structure.',
} as const;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const employeurSiretSchema = z
  .string({ error: "Saisissez le numéro de Siret de l'employeur." })
  .transform(normalizeSiret)
  .refine((v) => v.length > 0, "Saisissez le numéro de Siret de l'employeur.")
  .refine((v) => /^\d+$/.test(v), 'Le numéro ne doit contenir que des chiffres.')
  .refine((v) => v.length === 14, "Le Siret compte 14 chiffres : si vous avez saisi un SIREN, recherchez-le puis choisissez l'établissement.")
  .refine(isValidSiret, "Ce numéro de SIRET n'est pas valide : vérifiez les chiffres saisis.");

const SECTION_CODES = NAF_SECTIONS.map((s) => s.code) as [string, ...string[]];

/** « Ajouter un employeur »: the fields of the guide, in its order. */
export const employeurSchema = z.object({
  siret: employeurSiretSchema,
  raisonSociale: z
    .string({ error: 'Saisissez la raison sociale.' })
    .trim()
    .min(1, 'Saisissez la raison sociale.')
    .max(200, 'La raison sociale ne doit pas dépasser 200 caractères.'),
  sigle: optionalText(50, 'Le sigle'),
  codeNaf: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || /^\d{2}\.?\d{2}[A-Z]$/.test(v), 'Le code NAF s’écrit comme 43.33Z.')
    .transform((v) => (v === '' ? null : `${v.slice(0, 2)}.${v.replace('.', '').slice(2)}`))
    .nullable()
    .optional(),
  effectif: z
    .string()
    .refine((v) => v === '' || /^(NN|\d{2})$/.test(v), "Choisissez une tranche d'effectif de la liste.")
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  nomCommercial: optionalText(200, 'Le nom commercial'),
  email: z
    .string()
    .trim()
    .max(254, "L'adresse e-mail ne doit pas dépasser 254 caractères.")
    .refine((v) => v === '' || z.email().safeParse(v).success, 'Saisissez une adresse e-mail valide, par exemple contact@entreprise.fr.')
    .transform((v) => (v === '' ? null : v.toLowerCase()))
    .nullable()
    .optional(),
  domaineActivite: z
    .string()
    .refine((v) => v === '' || SECTION_CODES.includes(v), 'Choisissez un domaine de la liste.')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  telephone: telephoneSchema,
  adresse: optionalText(200, "L'adresse"),
  complementAdresse: optionalText(200, "Le complément d'adresse"),
  codePostal: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{5}$/.test(v), 'Le code postal compte 5 chiffres, par exemple 33000.')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  ville: optionalText(100, 'La ville'),
  /**
   * The INSEE code the directory gave (hidden field). Only a hint: the server keeps it only when it
   * is a commune of the postal code typed.
   */
  communeInsee: z
    .string()
    .trim()
    .transform((v) => (/^\d[\dAB]\d{3}$/.test(v) ? v : null))
    .nullable()
    .optional()
    .catch(null),
});
export type EmployeurInput = z.input<typeof employeurSchema>;
export type EmployeurData = z.output<typeof employeurSchema>;

export const EMPTY_EMPLOYEUR_INPUT: EmployeurInput = {
  siret: '',
  raisonSociale: '',
  sigle: '',
  codeNaf: '',
  effectif: '',
  nomCommercial: '',
  email: '',
  domaineActivite: '',
  telephone: '',
  adresse: '',
  complementAdresse: '',
  codePostal: '',
  ville: '',
  communeInsee: '',
};

// ───────────────────────────── The list's URL ─────────────────────────────

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** `?q=…&page=2`: invalid values are ignored, never an error page. */
export const employeursSearchSchema = z.object({
  q: z
    .preprocess((v) => {
      const s = first(v);
      return typeof s === 'string' ? s.trim().slice(0, 100) : undefined;
    }, z.string().optional())
    .transform((v) => (v ? v : undefined))
    .catch(undefined),
  page: z
    .preprocess(first, z.coerce.number().int().min(1).max(100_000).optional())
    .catch(undefined)
    .transform((v) => v ?? 1),
});
export type EmployeursSearch = z.output<typeof employeursSearchSchema>;

export function parseEmployeursSearch(params: Record<string, string | string[] | undefined> | undefined): EmployeursSearch {
  const parsed = employeursSearchSchema.safeParse(params ?? {});
  return parsed.success ? parsed.data : { q: undefined, page: 1 };
}

// ───────────────────────────── The admin's decision ─────────────────────────────

export const employeurDecisionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('VALIDE') }),
  z.object({
    status: z.literal('REFUSE'),
    motif: z
      .string({ error: EMPLOYEURS_MESSAGES.motifObligatoire })
      .trim()
      .min(1, EMPLOYEURS_MESSAGES.motifObligatoire)
      .max(1000, 'Le motif ne doit pas dépasser 1000 caractères.'),
  }),
]);
export type EmployeurDecision = z.input<typeof employeurDecisionSchema>;
