import { z } from 'zod';
import { isValidSiret, normalizeSiret } from '@/lib/entreprises/siret';
import { NAF_SECTIONS } from '@/lib/referentiels/naf-sections';

/**
 * Fields shared by the forms that describe an establishment: « Ma structure » and « Ajouter un
 * employeur ». Empty optional fields become null.
 */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** A 14-digit, checksum-valid SIRET (a SIREN must first be resolved to one establishment). */
export const siretField = (emptyMessage: string) =>
  z
    .string({ error: emptyMessage })
    .transform(normalizeSiret)
    .refine((v) => v.length > 0, emptyMessage)
    .refine((v) => /^\d+$/.test(v), 'Le numéro ne doit contenir que des chiffres.')
    .refine((v) => v.length === 14, "Le SIRET compte 14 chiffres : si vous avez saisi un SIREN, recherchez-le puis choisissez l'établissement.")
    .refine(isValidSiret, "Ce numéro de SIRET n'est pas valide : vérifiez les chiffres saisis.");

export const raisonSocialeSchema = z
  .string({ error: 'Saisissez la raison sociale.' })
  .trim()
  .min(1, 'Saisissez la raison sociale.')
  .max(200, 'La raison sociale ne doit pas dépasser 200 caractères.');

/** « 43.33Z » (the dot may be omitted when typing). */
export const codeNafSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || /^\d{2}\.?\d{2}[A-Z]$/.test(v), 'Le code NAF s’écrit comme 43.33Z.')
  .transform((v) => (v === '' ? null : `${v.slice(0, 2)}.${v.replace('.', '').slice(2)}`))
  .nullable()
  .optional();

const SECTION_CODES: readonly string[] = NAF_SECTIONS.map((s) => s.code);

/** A NAF section letter (A–U): « Domaine d'activité ». */
export const domaineActiviteSchema = z
  .string()
  .refine((v) => v === '' || SECTION_CODES.includes(v), "Choisissez un domaine d'activité de la liste.")
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

/** An INSEE staff-size band code. */
export const effectifSchema = z
  .string()
  .refine((v) => v === '' || /^(NN|\d{2})$/.test(v), "Choisissez une tranche d'effectif de la liste.")
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

export const optionalEmailSchema = (example: string) =>
  z
    .string()
    .trim()
    .max(254, "L'adresse e-mail ne doit pas dépasser 254 caractères.")
    .refine((v) => v === '' || z.email().safeParse(v).success, `Saisissez une adresse e-mail valide, par exemple ${example}.`)
    .transform((v) => (v === '' ? null : v.toLowerCase()))
    .nullable()
    .optional();
