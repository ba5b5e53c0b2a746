import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/lib/data/auth';
import { changeEmail, changePassword, getMesInformations, updateMesInformations } from '@/lib/data/compte';
import { RATE_LIMITS, RATE_LIMIT_MESSAGE } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { EMAIL_CHANGED_NEW_SUBJECT, EMAIL_CHANGED_OLD_SUBJECT, PASSWORD_CHANGED_SUBJECT } from '@/lib/email/templates/compte';
import { COMPTE_MESSAGES, informationsSchema } from '@/lib/validations/compte';
import { createActeur, createStructure, createUser, DEMO_PASSWORD, uniqueEmail } from '@/tests/factories';

const NEW_PASSWORD = 'Nouveau-mot2passe!';

/** Everything about a user, the hash included, to prove a bystander is never touched. */
function snapshot(id: string) {
  return db.user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
}

function rateLimitCount(email: string) {
  return db.rateLimit.findUnique({ where: { key: `${RATE_LIMITS.signInEmail.name}:${email}` } }).then((r) => r?.count ?? 0);
}

function lastAudit(userId: string, action: string) {
  return db.auditLog.findFirst({ where: { entityId: userId, action }, orderBy: { createdAt: 'desc' } });
}

let bystanderId: string;
let bystanderBefore: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  const structure = await createStructure(db);
  const bystander = await createActeur(db, structure.id, 'GESTIONNAIRE', { prenom: 'Témoin', nom: 'Intouchable' });
  bystanderId = bystander.id;
  bystanderBefore = await snapshot(bystanderId);
});

afterAll(async () => {
  // a second user is never modified by anything above
  expect(await snapshot(bystanderId)).toEqual(bystanderBefore);
});

describe('updateMesInformations', () => {
  it('updates prénom, nom, téléphone of the caller only, and audits before/after', async () => {
    const structure = await createStructure(db);
    const user = await createActeur(db, structure.id, 'UTILISATEUR', { prenom: 'Ana', nom: 'Avant' });
    const data = informationsSchema.parse({ prenom: '  Anaïs ', nom: 'Après', telephone: '05 56 00 00 00' });

    expect(await updateMesInformations(user, data, '10.30.0.1')).toEqual({ changed: true });
    expect(await getMesInformations(user)).toMatchObject({ prenom: 'Anaïs', nom: 'Après', telephone: '0556000000', email: user.email });

    const audit = await lastAudit(user.id, 'compte.modification_informations');
    expect(audit).toMatchObject({
      actorId: user.id,
      entityType: 'User',
      before: { prenom: 'Ana', nom: 'Avant', telephone: null },
      after: { prenom: 'Anaïs', nom: 'Après', telephone: '0556000000' },
      ip: '10.30.0.1',
    });

    // an empty téléphone clears it; an unchanged field is not in the audit
    await updateMesInformations(user, informationsSchema.parse({ prenom: 'Anaïs', nom: 'Après', telephone: '' }));
    expect((await getMesInformations(user)).telephone).toBeNull();
    const second = await lastAudit(user.id, 'compte.modification_informations');
    expect(second?.before).toEqual({ telephone: '0556000000' });
    expect(second?.after).toEqual({ telephone: null });

    // nothing changed: nothing written
    const count = await db.auditLog.count({ where: { entityId: user.id } });
    expect(await updateMesInformations(user, informationsSchema.parse({ prenom: 'Anaïs', nom: 'Après' }))).toEqual({ changed: false });
    expect(await db.auditLog.count({ where: { entityId: user.id } })).toBe(count);
  });

  it('refuses a foreign phone format and an empty name at the schema', () => {
    const result = informationsSchema.safeParse({ prenom: '', nom: 'X', telephone: '12345' });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(fields.prenom).toBe('Saisissez votre prénom.');
    expect(fields.telephone).toMatch(/^Saisissez un numéro de téléphone français valide/);
  });
});

describe('changeEmail', () => {
  it('refuses a taken address (any case) with one sentence, after the password is proven', async () => {
    const user = await createUser(db, { role: 'ACTEUR' });
    const other = await createUser(db, { role: 'CANDIDAT' });
    await expect(changeEmail(user, { email: other.email.toUpperCase(), currentPassword: DEMO_PASSWORD }, '10.31.0.1')).rejects.toMatchObject({
      message: COMPTE_MESSAGES.emailTaken,
      fieldErrors: { email: 'Un compte existe déjà avec cette adresse e-mail.' },
    });
    // with a wrong password, nothing is said about the address
    await expect(changeEmail(user, { email: other.email, currentPassword: 'Pas-le-bon-1!' }, '10.31.0.1')).rejects.toMatchObject({
      fieldErrors: { currentPassword: 'Mot de passe incorrect.' },
    });
    await expect(changeEmail(user, { email: user.email, currentPassword: DEMO_PASSWORD }, '10.31.0.1')).rejects.toMatchObject({
      fieldErrors: { email: COMPTE_MESSAGES.sameEmail },
    });
    expect((await snapshot(user.id)).email).toBe(user.email);
  });

  it('counts wrong passwords in the sign-in limiter, then refuses even the right one', async () => {
    const user = await createUser(db, { role: 'ACTEUR' });
    const target = uniqueEmail('cible');
    for (let i = 0; i < RATE_LIMITS.signInEmail.max; i++) {
      await expect(changeEmail(user, { email: target, currentPassword: `Faux-${i}` }, `10.32.0.${i}`)).rejects.toMatchObject({
        message: COMPTE_MESSAGES.wrongPassword,
      });
      expect(await rateLimitCount(user.email)).toBe(i + 1);
    }
    await expect(changeEmail(user, { email: target, currentPassword: DEMO_PASSWORD }, '10.32.1.1')).rejects.toMatchObject({
      message: RATE_LIMIT_MESSAGE,
    });
    await expect(changePassword(user, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }, '10.32.1.1')).rejects.toMatchObject({
      message: RATE_LIMIT_MESSAGE,
    });
    // the sign-in form shares the counter
    expect((await verifyCredentials(user.email, DEMO_PASSWORD, '10.32.1.2')).status).toBe('rate_limited');
    expect((await snapshot(user.id)).email).toBe(user.email);
  });

  it('stores the new address lower-cased, notifies both addresses, audits, and ends pending reset links', async () => {
    const user = await createUser(db, { role: 'ACTEUR', prenom: 'Lou' });
    await db.passwordResetToken.create({ data: { userId: user.id, tokenHash: `test-${user.id}`, expiresAt: new Date(Date.now() + 3600_000) } });
    const newEmail = uniqueEmail('nouvelle');

    const result = await changeEmail(user, { email: `  ${newEmail.toUpperCase()} `, currentPassword: DEMO_PASSWORD }, '10.33.0.1');
    expect(result).toEqual({ email: newEmail });
    expect((await snapshot(user.id)).email).toBe(newEmail);

    const oldMail = await db.emailOutbox.findFirstOrThrow({ where: { to: user.email }, orderBy: { createdAt: 'desc' } });
    expect(oldMail.subject).toBe(EMAIL_CHANGED_OLD_SUBJECT);
    expect(oldMail.text).toContain("Si vous n'êtes pas à l'origine de cette modification");
    expect(oldMail.text).not.toContain(newEmail); // masked
    const newMail = await db.emailOutbox.findFirstOrThrow({ where: { to: newEmail }, orderBy: { createdAt: 'desc' } });
    expect(newMail.subject).toBe(EMAIL_CHANGED_NEW_SUBJECT);

    expect(await lastAudit(user.id, 'compte.modification_email')).toMatchObject({
      actorId: user.id,
      before: { email: user.email },
      after: { email: newEmail },
    });
    expect(await db.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);

    // signing in works with the new address only
    expect((await verifyCredentials(newEmail, DEMO_PASSWORD, '10.33.0.2')).status).toBe('ok');
    expect((await verifyCredentials(user.email, DEMO_PASSWORD, '10.33.0.2')).status).toBe('invalid');
  });
});

describe('changePassword', () => {
  it('checks the current password, bumps sessionVersion, notifies, and audits without any secret', async () => {
    const user = await createUser(db, { role: 'ACTEUR', prenom: 'Sacha' });
    const before = await snapshot(user.id);

    await expect(changePassword(user, { currentPassword: 'Pas-le-bon-1!', newPassword: NEW_PASSWORD }, '10.34.0.1')).rejects.toMatchObject({
      fieldErrors: { currentPassword: COMPTE_MESSAGES.wrongPassword },
    });
    expect(await rateLimitCount(user.email)).toBe(1);
    expect(await snapshot(user.id)).toEqual(before);

    expect(await changePassword(user, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }, '10.34.0.1')).toEqual({ email: user.email });
    const after = await snapshot(user.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash).not.toContain(NEW_PASSWORD);

    expect((await verifyCredentials(user.email, NEW_PASSWORD, '10.34.0.2'))).toEqual({
      status: 'ok',
      user: { id: user.id, sessionVersion: before.sessionVersion + 1 },
    });
    expect((await verifyCredentials(user.email, DEMO_PASSWORD, '10.34.0.2')).status).toBe('invalid');

    const audit = await lastAudit(user.id, 'compte.modification_mot_de_passe');
    expect(audit).toMatchObject({ actorId: user.id, before: { sessionVersion: before.sessionVersion }, after: { sessionVersion: after.sessionVersion } });
    const serialized = JSON.stringify(audit);
    for (const secret of [NEW_PASSWORD, DEMO_PASSWORD, before.passwordHash, after.passwordHash, '$argon2']) {
      expect(serialized).not.toContain(secret);
    }

    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: user.email, template: 'compte-mot-de-passe-modifie' } });
    expect(mail.subject).toBe(PASSWORD_CHANGED_SUBJECT);
    expect(mail.text).toContain("Si vous n'êtes pas à l'origine de cette modification");
    expect(mail.text).not.toContain(NEW_PASSWORD);
  });

  it('lets only one of two racing changes win', async () => {
    const user = await createUser(db, { role: 'CANDIDAT' });
    const results = await Promise.allSettled([
      changePassword(user, { currentPassword: DEMO_PASSWORD, newPassword: 'Premier-mot2passe!' }, '10.35.0.1'),
      changePassword(user, { currentPassword: DEMO_PASSWORD, newPassword: 'Second-mot2passe!' }, '10.35.0.1'),
    ]);
    // whether they overlap or not, the second one no longer knows the current password
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ message: COMPTE_MESSAGES.wrongPassword });
    expect((await snapshot(user.id)).sessionVersion).toBe(2);
  });
});
