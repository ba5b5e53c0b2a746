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

export const STRUCTURE_TYPES = ['CFA', 'MISSION_LOCALE', 'ORGANISME_FORMATION', 'CAP_EMPLOI', 'AUTRE'] as const;

export const siretSchema = siretField('Saisissez le numéro de SIRET de la structure.');

/** « Ma structure »: shared by the client form and the server action. */
export const structureSchema = z.object({
  siret: siretSchema,
  raisonSociale: raisonSocialeSchema,
  sigle: optionalText(50, 'Le sigle'),
  type: z.enum(STRUCTURE_TYPES, { error: 'Choisissez le type de structure.' }),
  codeNaf: codeNafSchema,
  domaineActivite: domaineActiviteSchema,
  effectif: effectifSchema,
  adresse: z.string({ error: "Saisissez l'adresse." }).trim().min(1, "Saisissez l'adresse.").max(200, "L'adresse ne doit pas dépasser 200 caractères."),
  complementAdresse: optionalText(200, "Le complément d'adresse"),
  codePostal: z.string({ error: 'Saisissez le code postal.' }).trim().regex(/^\d{5}$/, 'Le code postal compte 5 chiffres, par exemple 33000.'),
  communeInsee: z.string({ error: 'Choisissez la commune.' }).regex(/^\d[\dAB]\d{3}$/, 'Choisissez la commune dans la liste.'),
  telephone: telephoneSchema,
  email: optionalEmailSchema('contact@structure.fr'),
  accueilStagiaires3e: z.boolean(),
  accueilStagiaires2de: z.boolean(),
});
export type StructureInput = z.input<typeof structureSchema>;
export type StructureData = z.output<typeof structureSchema>;

export const postalCodeSchema = z.string().trim().regex(/^\d{5}$/);
