import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { signUpSchema } from '@/lib/validations/auth';
import { PASSWORD_POLICY_TEXT, passwordProblems, passwordSchema } from '@/lib/validations/password';

describe('password policy', () => {
  it('accepts a password meeting every rule', () => {
    expect(passwordSchema.safeParse('Alternance2026!').success).toBe(true);
    expect(passwordProblems('Élève-Apprenti9')).toEqual([]);
  });

  it.each([
    ['Court1!', 'au moins 12 caractères'],
    ['alternance2026!', 'une lettre majuscule'],
    ['ALTERNANCE2026!', 'une lettre minuscule'],
    ['Alternance-sans-chiffre', 'un chiffre'],
    ['Alternance2026sans', 'un caractère spécial'],
  ])('refuses %s and says what is missing', (value, missing) => {
    const result = passwordSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(missing);
    expect(result.error?.issues[0]?.message).toMatch(/^Le mot de passe doit contenir/);
  });

  it('refuses absurdly long passwords (argon2 cost) and non-strings', () => {
    expect(passwordSchema.safeParse(`Aa1!${'x'.repeat(200)}`).success).toBe(false);
    expect(passwordSchema.safeParse(12345678901234).success).toBe(false);
    expect(passwordSchema.safeParse(null).success).toBe(false);
  });

  it('describes itself in French', () => {
    expect(PASSWORD_POLICY_TEXT).toBe(
      'Le mot de passe doit contenir au moins 12 caractères, une lettre minuscule, une lettre majuscule, un chiffre, un caractère spécial (par exemple ! ? @ # -).',
    );
  });

  it('hashes with argon2id and verifies', async () => {
    const hashed = await hashPassword('Alternance2026!');
    expect(hashed).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hashed, 'Alternance2026!')).toBe(true);
    expect(await verifyPassword(hashed, 'alternance2026!')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});

describe('sign-up validation', () => {
  const valid = {
    kind: 'CANDIDAT',
    prenom: ' Léa ',
    nom: 'Martin',
    email: ' Lea.Martin@Exemple.FR ',
    telephone: '05 56 00 00 00',
    password: 'Alternance2026!',
    passwordConfirmation: 'Alternance2026!',
    acceptCgu: true,
  };

  it('normalises e-mail (trimmed, lower case), names and phone', () => {
    const parsed = signUpSchema.parse(valid);
    expect(parsed.email).toBe('lea.martin@exemple.fr');
    expect(parsed.prenom).toBe('Léa');
    expect(parsed.telephone).toBe('0556000000');
  });

  it('makes the phone optional', () => {
    expect(signUpSchema.parse({ ...valid, telephone: '' }).telephone).toBeUndefined();
  });

  it('refuses mismatched confirmation, forged kinds and missing consent with French messages', () => {
    const mismatch = signUpSchema.safeParse({ ...valid, passwordConfirmation: 'Autre-chose2026!' });
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ['passwordConfirmation'], message: 'Les deux mots de passe ne sont pas identiques.' });
    expect(signUpSchema.safeParse({ ...valid, kind: 'ADMIN' }).error?.issues[0]?.message).toBe('Choisissez le type de compte.');
    expect(signUpSchema.safeParse({ ...valid, acceptCgu: false }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...valid, email: 'pas-un-email' }).error?.issues[0]?.message).toContain('adresse e-mail valide');
  });
});
