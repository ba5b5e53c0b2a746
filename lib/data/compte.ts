import 'server-only';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { CurrentUser } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/data/audit';
import { RATE_LIMITS, RATE_LIMIT_MESSAGE, hit, isLimited } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/send';
import { emailChangedNewAddressEmail, emailChangedOldAddressEmail, passwordChangedEmail } from '@/lib/email/templates/compte';
import { appUrl } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { COMPTE_MESSAGES, type InformationsData } from '@/lib/validations/compte';

/**
 * « Mon compte - Mes informations personnelles ». Every function acts on the signed-in user
 * given by the caller's guard (acteur today, candidat later): never on an id from the client.
 */
export type CompteUser = Pick<CurrentUser, 'id'>;

export async function getMesInformations(user: CompteUser) {
  return db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { numero: true, prenom: true, nom: true, email: true, telephone: true },
  });
}

/** Prénom, nom, téléphone (an absent téléphone clears it). Audited only when something changed. */
export async function updateMesInformations(user: CompteUser, input: InformationsData, ip: string | null = null) {
  const next = { prenom: input.prenom, nom: input.nom, telephone: input.telephone ?? null };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { prenom: true, nom: true, telephone: true },
    });
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => before[k] !== next[k]);
    if (changed.length === 0) return { changed: false as const };
    await tx.user.update({ where: { id: user.id }, data: next });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'compte.modification_informations',
      entityType: 'User',
      entityId: user.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      ip,
    });
    return { changed: true as const };
  });
}

/**
 * Checks the current password of a sensitive change. Wrong answers count in the same counters
 * as the sign-in form (per e-mail and per IP), and past the limit nothing is checked: this form
 * cannot be used to guess a password any faster than « Se connecter ».
 */
async function checkCurrentPassword(user: CompteUser, password: string, ip: string) {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { email: true, prenom: true, passwordHash: true, sessionVersion: true },
  });
  const [emailLimited, ipLimited] = await Promise.all([
    isLimited(RATE_LIMITS.signInEmail, row.email),
    isLimited(RATE_LIMITS.signInIp, ip),
  ]);
  if (emailLimited || ipLimited) throw new UserFacingError(RATE_LIMIT_MESSAGE);
  if (!(await verifyPassword(row.passwordHash, password))) {
    await Promise.all([hit(RATE_LIMITS.signInEmail, row.email), hit(RATE_LIMITS.signInIp, ip)]);
    throw new UserFacingError(COMPTE_MESSAGES.wrongPassword, { currentPassword: COMPTE_MESSAGES.wrongPassword });
  }
  return row;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

const emailTaken = () => new UserFacingError(COMPTE_MESSAGES.emailTaken, { email: COMPTE_MESSAGES.emailTaken });

/**
 * Replaces the sign-in e-mail (already trimmed and lower-cased by the schema) once the current
 * password is proven. The old address gets a security notice, the new one a confirmation.
 * Whether an address is taken is only told to whoever proved the password, in one sentence.
 */
export async function changeEmail(
  user: CompteUser,
  input: { email: string; currentPassword: string },
  ip: string,
  now = new Date(),
): Promise<{ email: string }> {
  const newEmail = input.email.trim().toLowerCase();
  const current = await checkCurrentPassword(user, input.currentPassword, ip);
  if (newEmail === current.email) {
    throw new UserFacingError(COMPTE_MESSAGES.sameEmail, { email: COMPTE_MESSAGES.sameEmail });
  }
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw emailTaken();
  try {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { email: newEmail } });
      // reset links already sent went to the old address: they must not outlive it
      await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
      await writeAudit(tx, {
        actorId: user.id,
        action: 'compte.modification_email',
        entityType: 'User',
        entityId: user.id,
        before: { email: current.email },
        after: { email: newEmail },
        ip,
      });
      await enqueueEmail(tx, { to: current.email, ...emailChangedOldAddressEmail({ prenom: current.prenom, newEmail }) });
      await enqueueEmail(tx, {
        to: newEmail,
        ...emailChangedNewAddressEmail({ prenom: current.prenom, signInUrl: `${appUrl()}/connexion` }),
      });
    });
  } catch (error) {
    // taken between the check and the update
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return { email: newEmail };
}

/**
 * Sets a new password once the current one is proven, and ends every session opened with the
 * old one (sessionVersion + 1). The caller re-issues the session of the current browser.
 */
export async function changePassword(
  user: CompteUser,
  input: { currentPassword: string; newPassword: string },
  ip: string,
  now = new Date(),
): Promise<{ email: string }> {
  const current = await checkCurrentPassword(user, input.currentPassword, ip);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // only if the password is still the one just checked (two changes racing: one wins)
    const updated = await tx.user.updateManyAndReturn({
      where: { id: user.id, passwordHash: current.passwordHash },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    if (updated.length === 0) {
      throw new UserFacingError(COMPTE_MESSAGES.wrongPassword, { currentPassword: COMPTE_MESSAGES.wrongPassword });
    }
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'compte.modification_mot_de_passe',
      entityType: 'User',
      entityId: user.id,
      // never the password nor its hash: only the consequence
      before: { sessionVersion: current.sessionVersion },
      after: { sessionVersion: updated[0]!.sessionVersion, autresSessionsFermees: true },
      ip,
    });
    await enqueueEmail(tx, {
      to: current.email,
      ...passwordChangedEmail({ prenom: current.prenom, resetUrl: `${appUrl()}/mot-de-passe-oublie` }),
    });
  });
  return { email: current.email };
}
