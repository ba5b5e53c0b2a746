import { z } from 'zod';
import { newPasswordFields, passwordsMatch } from '@/lib/validations/password';

export const emailSchema = z
  .string({ error: 'Saisissez votre adresse e-mail.' })
  .trim()
  .min(1, 'Saisissez votre adresse e-mail.')
  .max(254, 'L\'adresse e-mail est trop longue.')
  .email('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.')
  .transform((v) => v.toLowerCase());

export const nameSchema = (label: string) =>
  z
    .string({ error: `Saisissez votre ${label}.` })
    .trim()
    .min(1, `Saisissez votre ${label}.`)
    .max(100, `Votre ${label} ne doit pas dépasser 100 caractères.`);

export const telephoneSchema = z
  .string()
  .trim()
  .max(30)
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .refine((v) => v === '' || /^(\+33|0)[1-9]\d{8}$/.test(v), 'Saisissez un numéro de téléphone français valide, par exemple 05 56 00 00 00.')
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Saisissez votre mot de passe.' }).min(1, 'Saisissez votre mot de passe.').max(1024),
  callbackUrl: z.string().max(2000).optional(),
});
export type SignInInput = z.input<typeof signInSchema>;

export const ACCOUNT_KINDS = ['CANDIDAT', 'ACTEUR'] as const;

/** « J'ai lu et j'accepte la charte d'engagement et la politique de confidentialité ». */
export const acceptCguSchema = z.literal(true, { error: 'Vous devez accepter la charte d\'engagement et la politique de confidentialité.' });

export const signUpSchema = z
  .object({
    kind: z.enum(ACCOUNT_KINDS, { error: 'Choisissez le type de compte.' }),
    prenom: nameSchema('prénom'),
    nom: nameSchema('nom'),
    email: emailSchema,
    telephone: telephoneSchema,
    ...newPasswordFields,
    acceptCgu: acceptCguSchema,
    /** where to go once the account exists (« Postuler » of an offer); checked by the action */
    callbackUrl: z.string().max(2000).optional(),
  })
  .refine(...passwordsMatch);
export type SignUpInput = z.input<typeof signUpSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({
    token: z.string().min(20).max(200),
    ...newPasswordFields,
  })
  .refine(...passwordsMatch);
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
