import { z } from 'zod';

/** The password policy, shown to the user next to the field (same wording as the errors). */
export const PASSWORD_RULES = [
  { id: 'length', label: 'au moins 12 caractères', test: (v: string) => v.length >= 12 },
  { id: 'lower', label: 'une lettre minuscule', test: (v: string) => /\p{Ll}/u.test(v) },
  { id: 'upper', label: 'une lettre majuscule', test: (v: string) => /\p{Lu}/u.test(v) },
  { id: 'digit', label: 'un chiffre', test: (v: string) => /\d/.test(v) },
  { id: 'special', label: 'un caractère spécial (par exemple ! ? @ # -)', test: (v: string) => /[^\p{L}\d]/u.test(v) },
] as const;

export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_POLICY_TEXT = `Le mot de passe doit contenir ${PASSWORD_RULES.map((r) => r.label).join(', ')}.`;

export function passwordProblems(value: string): string[] {
  return PASSWORD_RULES.filter((r) => !r.test(value)).map((r) => r.label);
}

export const passwordSchema = z
  .string({ error: 'Saisissez un mot de passe.' })
  .max(PASSWORD_MAX_LENGTH, `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`)
  .superRefine((value, ctx) => {
    const missing = passwordProblems(value);
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Le mot de passe doit contenir ${missing.join(', ')}.` });
    }
  });

export const PASSWORDS_DIFFER_MESSAGE = 'Les deux mots de passe ne sont pas identiques.';

/** The « mot de passe » + « confirmation » pair of every form that sets a password. */
export const newPasswordFields = {
  password: passwordSchema,
  passwordConfirmation: z.string({ error: 'Confirmez le mot de passe.' }),
};

/** Refinement for schemas built with newPasswordFields. */
export const passwordsMatch: [(d: { password: string; passwordConfirmation: string }) => boolean, { path: string[]; message: string }] = [
  (d) => d.password === d.passwordConfirmation,
  { path: ['passwordConfirmation'], message: PASSWORDS_DIFFER_MESSAGE },
];
