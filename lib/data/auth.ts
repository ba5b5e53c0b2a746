import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/data/audit';
import { db } from '@/lib/db';
import { RATE_LIMITS, consume, hit, isLimited, reset } from '@/lib/data/rate-limit';
import { enqueueEmail } from '@/lib/email/send';
import { passwordResetEmail, welcomeEmail } from '@/lib/email/templates';
import { appUrl } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';

export type CredentialsResult =
  | { status: 'ok'; user: { id: string; sessionVersion: number } }
  | { status: 'invalid' }
  | { status: 'rate_limited' };

/**
 * Checks an e-mail and password. Unknown e-mail, wrong password and deactivated account all
 * answer 'invalid' after the same work (no account enumeration). Failures count per e-mail and
 * per IP; past the limit, nothing is checked until the window ends.
 */
export async function verifyCredentials(email: string, password: string, ip: string): Promise<CredentialsResult> {
  const normalized = email.trim().toLowerCase();
  const [emailLimited, ipLimited] = await Promise.all([
    isLimited(RATE_LIMITS.signInEmail, normalized),
    isLimited(RATE_LIMITS.signInIp, ip),
  ]);
  if (emailLimited || ipLimited) return { status: 'rate_limited' };

  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, passwordHash: true, active: true, anonymizedAt: true, sessionVersion: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || !user.active || user.anonymizedAt) {
    await Promise.all([hit(RATE_LIMITS.signInEmail, normalized), hit(RATE_LIMITS.signInIp, ip)]);
    return { status: 'invalid' };
  }
  await Promise.all([
    reset(RATE_LIMITS.signInEmail, normalized),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
  ]);
  return { status: 'ok', user: { id: user.id, sessionVersion: user.sessionVersion } };
}

export const EMAIL_TAKEN_MESSAGE = 'Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.';

export async function createAccount(input: {
  kind: 'CANDIDAT' | 'ACTEUR';
  prenom: string;
  nom: string;
  email: string;
  telephone?: string;
  password: string;
  ip: string;
}): Promise<{ id: string }> {
  if (await consume(RATE_LIMITS.signUpIp, input.ip)) {
    throw new UserFacingError('Trop de comptes créés depuis cette connexion. Réessayez dans une heure.');
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          passwordHash,
          role: input.kind,
          prenom: input.prenom,
          nom: input.nom,
          telephone: input.telephone ?? null,
        },
        select: { id: true },
      });
      await enqueueEmail(tx, { to: input.email, ...welcomeEmail({ prenom: input.prenom, role: input.kind }) });
      await writeAudit(tx, { actorId: user.id, action: 'compte.creation', entityType: 'User', entityId: user.id, ip: input.ip });
      return user;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new UserFacingError(EMAIL_TAKEN_MESSAGE, { email: EMAIL_TAKEN_MESSAGE });
    }
    throw error;
  }
}

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sends a single-use reset link valid 1 hour, when the account exists. The caller answers the
 * same thing either way (no account enumeration).
 */
export async function requestPasswordReset(email: string, ip: string, now = new Date()): Promise<void> {
  const [byEmail, byIp] = await Promise.all([
    consume(RATE_LIMITS.passwordResetEmail, email, now),
    consume(RATE_LIMITS.passwordResetIp, ip, now),
  ]);
  if (byIp) throw new UserFacingError('Trop de demandes depuis cette connexion. Réessayez dans une heure.');
  if (byEmail) return; // silently: do not flood the mailbox, do not reveal anything
  const user = await db.user.findUnique({ where: { email }, select: { id: true, prenom: true, active: true, anonymizedAt: true } });
  if (!user || !user.active || user.anonymizedAt) return;
  const token = randomBytes(32).toString('base64url');
  await db.$transaction(async (tx) => {
    // a new link replaces the previous ones
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
    });
    await enqueueEmail(tx, {
      to: email,
      ...passwordResetEmail({ prenom: user.prenom, url: `${appUrl()}/reinitialiser-mot-de-passe/${token}` }),
    });
  });
}

export const INVALID_RESET_LINK_MESSAGE =
  'Ce lien de réinitialisation n\'est plus valide (déjà utilisé ou expiré). Demandez-en un nouveau.';

export async function isResetTokenUsable(token: string, now = new Date()): Promise<boolean> {
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(row && !row.usedAt && row.expiresAt > now);
}

/** Uses the token once (atomically), sets the password and ends every open session. */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { userId: true },
    });
    const userId = claimed[0]?.userId;
    if (!userId) throw new UserFacingError(INVALID_RESET_LINK_MESSAGE);
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, { actorId: userId, action: 'compte.reinitialisation_mot_de_passe', entityType: 'User', entityId: userId });
  });
}
