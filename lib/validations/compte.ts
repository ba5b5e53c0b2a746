import { z } from 'zod';
import { emailSchema, nameSchema, telephoneSchema } from '@/lib/validations/auth';
import { PASSWORDS_DIFFER_MESSAGE, passwordSchema } from '@/lib/validations/password';

/**
 * « Mon compte - Mes informations personnelles »: the three forms of the page, shared by the
 * client forms and the server actions (lib/actions/compte.ts).
 */

const currentPasswordSchema = z
  .string({ error: 'Saisissez votre mot de passe actuel.' })
  .min(1, 'Saisissez votre mot de passe actuel.')
  .max(1024, 'Mot de passe incorrect.');

/** 1. « Mes informations »: prénom, nom, téléphone (facultatif, format français). */
export const informationsSchema = z.object({
  prenom: nameSchema('prénom'),
  nom: nameSchema('nom'),
  telephone: telephoneSchema,
});
export type InformationsInput = z.input<typeof informationsSchema>;
export type InformationsData = z.output<typeof informationsSchema>;

/** 2. « Modifier mon adresse e-mail »: the new address and the current password. */
export const changeEmailSchema = z.object({
  email: emailSchema,
  currentPassword: currentPasswordSchema,
});
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;

/** 3. « Modifier mon mot de passe »: same policy as the sign-up form. */
export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: passwordSchema,
    newPasswordConfirmation: z.string({ error: 'Confirmez le nouveau mot de passe.' }).min(1, 'Confirmez le nouveau mot de passe.'),
  })
  .refine((d) => d.newPassword === d.newPasswordConfirmation, {
    path: ['newPasswordConfirmation'],
    message: PASSWORDS_DIFFER_MESSAGE,
  })
  .refine((d) => d.newPassword !== d.currentPassword, {
    path: ['newPassword'],
    message: 'Le nouveau mot de passe doit être différent du mot de passe actuel.',
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** Messages of the page, shared by the data functions, the actions and the tests. */
export const COMPTE_MESSAGES = {
  informationsSaved: 'Vos informations ont été enregistrées.',
  emailChanged:
    'Votre adresse e-mail a été modifiée. Utilisez-la désormais pour vous connecter ; un e-mail de confirmation vous a été envoyé.',
  passwordChanged: 'Votre mot de passe a été modifié. Vos autres sessions ouvertes ont été fermées.',
  /** Nothing more than this: neither whose account it is nor what kind. */
  emailTaken: 'Un compte existe déjà avec cette adresse e-mail.',
  sameEmail: "Cette adresse est déjà celle de votre compte.",
  wrongPassword: 'Mot de passe incorrect.',
} as const;

/** Search parameter of the page after a password change (the action redirects there). */
export const PASSWORD_CHANGED_PARAM = 'mot-de-passe-modifie';
