import { z } from 'zod';
import { emailSchema, nameSchema } from '@/lib/validations/auth';

/** « Créer un compte administrateur »: only an admin makes another admin. */
export const nouvelAdminSchema = z.object({
  prenom: nameSchema('prénom'),
  nom: nameSchema('nom'),
  email: emailSchema,
});
export type NouvelAdminInput = z.input<typeof nouvelAdminSchema>;
export type NouvelAdminData = z.output<typeof nouvelAdminSchema>;

export const NOUVEL_ADMIN_MESSAGES = {
  existe:
    "Un compte existe déjà avec cette adresse e-mail. Un compte candidat ou acteur ne devient pas administrateur : utilisez une autre adresse (professionnelle, de l'équipe).",
  cree: (email: string) => `Le compte administrateur ${email} est créé : un e-mail l'invite à choisir son mot de passe.`,
} as const;
