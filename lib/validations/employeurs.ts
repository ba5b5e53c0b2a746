import { z } from 'zod';
import { telephoneSchema } from '@/lib/validations/auth';
import {
  codeNafSchema,
  domaineActiviteSchema,
  effectifSchema,
  optionalEmailSchema,
  optionalText,
  raisonSocialeSchema,
  siretField,
} from '@/lib/validations/entreprise';

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

export const employeurSiretSchema = siretField("Saisissez le numéro de Siret de l'employeur.");

/** « Ajouter un employeur »: the fields of the guide, in its order. */
export const employeurSchema = z.object({
  siret: employeurSiretSchema,
  raisonSociale: raisonSocialeSchema,
  sigle: optionalText(50, 'Le sigle'),
  codeNaf: codeNafSchema,
  effectif: effectifSchema,
  nomCommercial: optionalText(200, 'Le nom commercial'),
  email: optionalEmailSchema('contact@entreprise.fr'),
  domaineActivite: domaineActiviteSchema,
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
], { error: 'Décision inconnue.' });
export type EmployeurDecision = z.input<typeof employeurDecisionSchema>;
