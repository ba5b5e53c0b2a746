/**
 * « npm run admin:create »: creates an admin account from the command line (the first admin of a
 * production database; afterwards only an admin can make another admin).
 * Not 'server-only': run by scripts/admin-create.ts under tsx, and tested directly.
 */
import { hashPassword } from '@/lib/auth/password';
import type { DbClient } from '@/lib/prisma-client';
import { emailSchema } from '@/lib/validations/auth';
import { passwordSchema } from '@/lib/validations/password';

export interface CreateAdminInput {
  email: string;
  /** Required for a new admin, and with resetPassword. */
  password?: string;
  prenom?: string;
  nom?: string;
  /** An existing admin: set this new password (otherwise nothing changes). */
  resetPassword?: boolean;
}

export type CreateAdminOutcome =
  | { kind: 'created'; userId: string; email: string; message: string }
  | { kind: 'already-admin'; userId: string; email: string; message: string }
  | { kind: 'password-reset'; userId: string; email: string; message: string }
  | { kind: 'refused'; message: string; exitCode: 1 };

export const ADMIN_CREATE_MESSAGES = {
  passwordMissing: 'Saisissez un mot de passe.',
  notAdmin: (email: string, role: string) =>
    `Le compte ${email} existe déjà comme compte ${role === 'CANDIDAT' ? 'candidat' : 'acteur'} : il ne peut pas devenir administrateur. Utilisez une autre adresse e-mail.`,
  alreadyAdmin: (email: string) =>
    `Le compte administrateur ${email} existe déjà : rien n'a été modifié (ajoutez --reset-password pour changer son mot de passe).`,
  created: (email: string) => `Compte administrateur créé pour ${email}. Il peut se connecter sur /connexion.`,
  reset: (email: string) => `Le mot de passe du compte administrateur ${email} a été changé.`,
} as const;

/** The first message of the project's password policy for this password, or null when it complies. */
export function passwordPolicyError(password: string): string | null {
  const parsed = passwordSchema.safeParse(password);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Mot de passe invalide.');
}

export async function createAdmin(db: DbClient, input: CreateAdminInput): Promise<CreateAdminOutcome> {
  // the same rules and normalisation (trimmed, lower-cased) as sign-up
  const parsedEmail = emailSchema.safeParse(input.email ?? '');
  if (!parsedEmail.success) return { kind: 'refused', message: parsedEmail.error.issues[0]!.message, exitCode: 1 };
  const email = parsedEmail.data;

  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (existing && existing.role !== 'ADMIN') {
    return { kind: 'refused', message: ADMIN_CREATE_MESSAGES.notAdmin(email, existing.role), exitCode: 1 };
  }
  if (existing && !input.resetPassword) {
    return { kind: 'already-admin', userId: existing.id, email, message: ADMIN_CREATE_MESSAGES.alreadyAdmin(email) };
  }

  if (!input.password) return { kind: 'refused', message: ADMIN_CREATE_MESSAGES.passwordMissing, exitCode: 1 };
  const problem = passwordPolicyError(input.password);
  if (problem) return { kind: 'refused', message: problem, exitCode: 1 };
  const passwordHash = await hashPassword(input.password);

  if (existing) {
    await db.$transaction(async (tx) => {
      // a new password ends the sessions opened with the old one
      await tx.user.update({ where: { id: existing.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await tx.auditLog.create({
        data: { actorId: null, action: 'admin.mot_de_passe', entityType: 'User', entityId: existing.id, after: { email, source: 'admin:create' } },
      });
    });
    return { kind: 'password-reset', userId: existing.id, email, message: ADMIN_CREATE_MESSAGES.reset(email) };
  }

  const prenom = input.prenom?.trim() || 'Équipe';
  const nom = input.nom?.trim() || 'CMonAlternance';
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email, passwordHash, role: 'ADMIN', prenom, nom }, select: { id: true } });
      // lib/data/audit.ts is server-only (not importable from a script): the same row, written here
      await tx.auditLog.create({
        data: { actorId: null, action: 'admin.creation', entityType: 'User', entityId: created.id, after: { email, prenom, nom, source: 'admin:create' } },
      });
      return created;
    });
    return { kind: 'created', userId: user.id, email, message: ADMIN_CREATE_MESSAGES.created(email) };
  } catch (error) {
    // created at the same moment by someone else
    if ((error as { code?: string } | null)?.code === 'P2002') return createAdmin(db, { ...input, resetPassword: false });
    throw error;
  }
}
