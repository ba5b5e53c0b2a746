import { z } from 'zod';
import { isValidSiret, normalizeSiret } from '@/lib/entreprises/siret';
import { NAF_SECTIONS } from '@/lib/referentiels/naf-sections';
import { telephoneSchema } from '@/lib/validations/auth';

export const STRUCTURE_TYPES = ['CFA', 'MISSION_LOCALE', 'ORGANISME_FORMATION', 'CAP_EMPLOI', 'AUTRE'] as const;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const siretSchema = z
  .string({ error: 'Saisissez le numéro de SIRET de la structure.' })
  .transform(normalizeSiret)
  .refine((v) => v.length > 0, 'Saisissez le numéro de SIRET de la structure.')
  .refine((v) => /^\d+$/.test(v), 'Le numéro ne doit contenir que des chiffres.')
  .refine((v) => v.length === 14, "Le SIRET compte 14 chiffres : si vous avez saisi un SIREN, recherchez-le puis choisissez l'établissement.")
  .refine(isValidSiret, "Ce numéro de SIRET n'est pas valide : vérifiez les chiffres saisis.");

const SECTION_CODES = NAF_SECTIONS.map((s) => s.code) as [string, ...string[]];

/** « Ma structure »: shared by the client form and the server action. */
export const structureSchema = z.object({
  siret: siretSchema,
  raisonSociale: z.string({ error: 'Saisissez la raison sociale.' }).trim().min(1, 'Saisissez la raison sociale.').max(200, 'La raison sociale ne doit pas dépasser 200 caractères.'),
  sigle: optionalText(50, 'Le sigle'),
  type: z.enum(STRUCTURE_TYPES, { error: 'Choisissez le type de structure.' }),
  codeNaf: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || /^\d{2}\.\d{2}[A-Z]$/.test(v), 'Le code NAF s’écrit comme 85.32Z.')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  domaineActivite: z
    .string()
    .refine((v) => v === '' || SECTION_CODES.includes(v), "Choisissez un domaine d'activité de la liste.")
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  effectif: z
    .string()
    .refine((v) => v === '' || /^(NN|\d{2})$/.test(v), "Choisissez une tranche d'effectif de la liste.")
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  adresse: z.string({ error: "Saisissez l'adresse." }).trim().min(1, "Saisissez l'adresse.").max(200, "L'adresse ne doit pas dépasser 200 caractères."),
  complementAdresse: optionalText(200, "Le complément d'adresse"),
  codePostal: z.string({ error: 'Saisissez le code postal.' }).trim().regex(/^\d{5}$/, 'Le code postal compte 5 chiffres, par exemple 33000.'),
  communeInsee: z.string({ error: 'Choisissez la commune.' }).regex(/^\d[\dAB]\d{3}$/, 'Choisissez la commune dans la liste.'),
  telephone: telephoneSchema,
  email: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === '' || z.email().safeParse(v).success, 'Saisissez une adresse e-mail valide, par exemple contact@structure.fr.')
    .transform((v) => (v === '' ? null : v.toLowerCase()))
    .nullable()
    .optional(),
  accueilStagiaires3e: z.boolean(),
  accueilStagiaires2de: z.boolean(),
});
export type StructureInput = z.input<typeof structureSchema>;
export type StructureData = z.output<typeof structureSchema>;

export const postalCodeSchema = z.string().trim().regex(/^\d{5}$/);
