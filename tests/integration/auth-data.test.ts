import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, isResetTokenUsable, requestPasswordReset, resetPassword, verifyCredentials } from '@/lib/data/auth';
import { RATE_LIMITS, consume, hit, isLimited } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { createUser, DEMO_PASSWORD, uniqueEmail } from '@/tests/factories';

describe('rate limits in the database', () => {
  beforeAll(async () => {
    await db.rateLimit.deleteMany();
  });

  it('counts concurrent hits atomically (the count lives in the database, shared by every instance)', async () => {
    const subject = uniqueEmail('concurrence');
    const rule = { name: 'test:concurrent', max: 25, windowSeconds: 60 };
    // 60 simultaneous requests over the pool's parallel connections
    const overLimit = await Promise.all(Array.from({ length: 60 }, () => consume(rule, subject)));
    expect(overLimit.filter((limited) => !limited)).toHaveLength(25);
    expect(await hit(rule, subject)).toBe(61);
  });

  it('limits within the window and forgets after it', async () => {
    const subject = uniqueEmail('fenetre');
    const rule = { name: 'test:window', max: 3, windowSeconds: 900 };
    const t0 = new Date('2026-01-01T10:00:00Z');
    for (let i = 0; i < 3; i++) expect(await consume(rule, subject, t0)).toBe(false);
    expect(await isLimited(rule, subject, t0)).toBe(true);
    expect(await consume(rule, subject, new Date(t0.getTime() + 60_000))).toBe(true);
    const later = new Date(t0.getTime() + 901_000);
    expect(await isLimited(rule, subject, later)).toBe(false);
    expect(await consume(rule, subject, later)).toBe(false);
  });
});

describe('verifyCredentials', () => {
  it('answers the same for an unknown e-mail, a wrong password and a deactivated account, then limits', async () => {
    const active = await createUser(db, { role: 'CANDIDAT' });
    const inactive = await createUser(db, { role: 'CANDIDAT', active: false });
    expect((await verifyCredentials(active.email, DEMO_PASSWORD, '10.0.0.1')).status).toBe('ok');
    expect((await verifyCredentials(active.email.toUpperCase(), DEMO_PASSWORD, '10.0.0.1')).status).toBe('ok');
    expect((await verifyCredentials(active.email, 'Mauvais-mot-2-passe', '10.0.0.1')).status).toBe('invalid');
    expect((await verifyCredentials(uniqueEmail('inconnu'), DEMO_PASSWORD, '10.0.0.1')).status).toBe('invalid');
    expect((await verifyCredentials(inactive.email, DEMO_PASSWORD, '10.0.0.1')).status).toBe('invalid');

    const target = await createUser(db, { role: 'CANDIDAT' });
    for (let i = 0; i < RATE_LIMITS.signInEmail.max; i++) {
      expect((await verifyCredentials(target.email, `Faux-${i}`, `10.0.1.${i}`)).status).toBe('invalid');
    }
    // even the right password is not checked once the e-mail is limited
    expect((await verifyCredentials(target.email, DEMO_PASSWORD, '10.0.2.1')).status).toBe('rate_limited');
  });

  it('limits per IP across e-mails', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < RATE_LIMITS.signInIp.max; i++) await verifyCredentials(uniqueEmail('ip'), 'Faux-mot-2-passe', ip);
    const user = await createUser(db, { role: 'CANDIDAT' });
    expect((await verifyCredentials(user.email, DEMO_PASSWORD, ip)).status).toBe('rate_limited');
    expect((await verifyCredentials(user.email, DEMO_PASSWORD, '10.9.9.10')).status).toBe('ok');
  });
});

describe('password reset', () => {
  let userId: string;
  let email: string;
  beforeAll(async () => {
    const user = await createUser(db, { role: 'ACTEUR' });
    userId = user.id;
    email = user.email;
  });

  async function lastTokenFromOutbox(): Promise<string> {
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: email, template: 'password-reset' }, orderBy: { createdAt: 'desc' } });
    return mail.text.match(/reinitialiser-mot-de-passe\/([\w-]+)/)![1]!;
  }

  it('stores only the hash, expires after 1 hour, and is single-use', async () => {
    const now = new Date();
    await requestPasswordReset(email, '10.1.1.1', now);
    const token = await lastTokenFromOutbox();
    const row = await db.passwordResetToken.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: 'desc' }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(60 * 60 * 1000);

    expect(await isResetTokenUsable(token, new Date(now.getTime() + 59 * 60 * 1000))).toBe(true);
    expect(await isResetTokenUsable(token, new Date(now.getTime() + 61 * 60 * 1000))).toBe(false);
    await expect(resetPassword(token, 'Nouveau-mot-2-passe', new Date(now.getTime() + 61 * 60 * 1000))).rejects.toThrow("n'est plus valide");

    const before = await db.user.findUniqueOrThrow({ where: { id: userId } });
    await resetPassword(token, 'Nouveau-mot-2-passe', new Date(now.getTime() + 60_000));
    const after = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await verifyCredentials(email, 'Nouveau-mot-2-passe', '10.1.1.2')).status).toBe('ok');
    await expect(resetPassword(token, 'Encore-un-autre-2')).rejects.toThrow("n'est plus valide");
  });

  it('says nothing and sends nothing for an unknown e-mail', async () => {
    const unknown = uniqueEmail('personne');
    await requestPasswordReset(unknown, '10.1.1.3');
    expect(await db.emailOutbox.count({ where: { to: unknown } })).toBe(0);
  });

  it('a new link replaces the previous one', async () => {
    await requestPasswordReset(email, '10.1.1.4');
    const first = await lastTokenFromOutbox();
    await new Promise((r) => setTimeout(r, 5));
    await requestPasswordReset(email, '10.1.1.4');
    const second = await lastTokenFromOutbox();
    expect(second).not.toBe(first);
    expect(await isResetTokenUsable(first)).toBe(false);
    expect(await isResetTokenUsable(second)).toBe(true);
  });
});

afterAll(async () => {
  await db.$disconnect();
});
