import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import { createAccount, requestPasswordReset, verifyCredentials } from '@/lib/data/auth';
import { postuler } from '@/lib/data/candidatures';
import { contactProfil } from '@/lib/data/profils-detail';
import { RATE_LIMITS, hit, type RateLimitRule } from '@/lib/data/rate-limit';
import { LOOKUP_LIMITS, lookupSiretFor } from '@/lib/data/structure';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { CANDIDATURES_PAR_JOUR, CANDIDATURE_MESSAGES, postulerSchema } from '@/lib/validations/candidat';
import { CONTACTS_PAR_JOUR, PROFIL_MESSAGES } from '@/lib/validations/profils-contact';
import {
  COUVREUR,
  DEMO_PASSWORD,
  createActeur,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
  uniqueEmail,
} from '@/tests/factories';
import { currentUserOf } from '@/tests/helpers/current-user';

/**
 * Every rate limit of the issue against a real PostgreSQL: the N+1-th attempt is refused with
 * its French message, the window ends (its start is moved back in the database, or `now` is
 * given), and concurrent attempts — as from several app instances — let exactly N through.
 */

beforeAll(async () => {
  await db.rateLimit.deleteMany();
});
afterAll(async () => {
  await db.$disconnect();
});

const tag = () => randomUUID().slice(0, 8);
const ipOf = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** The window of `rule` for `subject` started longer ago than the window lasts. */
async function expireWindow(rule: RateLimitRule, subject: string) {
  const moved = await db.$executeRaw`
    UPDATE "RateLimit" SET "windowStart" = "windowStart" - make_interval(secs => ${rule.windowSeconds + 1})
    WHERE "key" = ${`${rule.name}:${subject.toLowerCase()}`}`;
  expect(moved).toBe(1);
}

async function refused(promise: Promise<unknown>, message: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as Error).message).toBe(message);
}

describe('sign-in', () => {
  it(`per e-mail: ${RATE_LIMITS.signInEmail.max} failures, then even the right password is refused until the window ends`, async () => {
    const user = await createUser(db, { role: 'CANDIDAT' });
    for (let i = 0; i < RATE_LIMITS.signInEmail.max; i++) {
      expect((await verifyCredentials(user.email, `Faux-${i}`, ipOf())).status).toBe('invalid');
    }
    expect((await verifyCredentials(user.email, DEMO_PASSWORD, ipOf())).status).toBe('rate_limited');
    await expireWindow(RATE_LIMITS.signInEmail, user.email);
    expect((await verifyCredentials(user.email, DEMO_PASSWORD, ipOf())).status).toBe('ok');
  });

  it(`per IP: ${RATE_LIMITS.signInIp.max} failures from one address block every account from it`, async () => {
    const ip = ipOf();
    for (let i = 0; i < RATE_LIMITS.signInIp.max; i++) await verifyCredentials(uniqueEmail('ip'), 'Faux-mot-2-passe', ip);
    const user = await createUser(db, { role: 'ACTEUR' });
    expect((await verifyCredentials(user.email, DEMO_PASSWORD, ip)).status).toBe('rate_limited');
    await expireWindow(RATE_LIMITS.signInIp, ip);
    expect((await verifyCredentials(user.email, DEMO_PASSWORD, ip)).status).toBe('ok');
  });
});

describe('sign-up', () => {
  const account = (ip: string) => ({
    kind: 'CANDIDAT' as const,
    prenom: 'Inès',
    nom: 'Limite',
    email: uniqueEmail('inscription'),
    password: DEMO_PASSWORD,
    ip,
  });
  const SIGNUP_MESSAGE = 'Trop de comptes créés depuis cette connexion. Réessayez dans une heure.';

  it(`${RATE_LIMITS.signUpIp.max + 5} simultaneous sign-ups from one IP create exactly ${RATE_LIMITS.signUpIp.max} accounts`, async () => {
    const ip = ipOf();
    const inputs = Array.from({ length: RATE_LIMITS.signUpIp.max + 5 }, () => account(ip));
    const results = await Promise.allSettled(inputs.map((input) => createAccount(input)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(RATE_LIMITS.signUpIp.max);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => (r.reason as Error).message)).toEqual(Array(5).fill(SIGNUP_MESSAGE));
    expect(await db.user.count({ where: { email: { in: inputs.map((i) => i.email) } } })).toBe(RATE_LIMITS.signUpIp.max);

    await refused(createAccount(account(ip)), SIGNUP_MESSAGE);
    await expireWindow(RATE_LIMITS.signUpIp, ip);
    await expect(createAccount(account(ip))).resolves.toHaveProperty('id');
  });
});

describe('password reset', () => {
  const outboxOf = (email: string) => db.emailOutbox.count({ where: { to: email, template: 'password-reset' } });

  it(`per e-mail: ${RATE_LIMITS.passwordResetEmail.max} links an hour, further requests send nothing (and say nothing)`, async () => {
    const user = await createUser(db, { role: 'CANDIDAT' });
    const t0 = new Date();
    for (let i = 0; i < RATE_LIMITS.passwordResetEmail.max + 2; i++) await requestPasswordReset(user.email, ipOf(), t0);
    expect(await outboxOf(user.email)).toBe(RATE_LIMITS.passwordResetEmail.max);
    // the window is over: one more link
    await requestPasswordReset(user.email, ipOf(), new Date(t0.getTime() + (RATE_LIMITS.passwordResetEmail.windowSeconds + 1) * 1000));
    expect(await outboxOf(user.email)).toBe(RATE_LIMITS.passwordResetEmail.max + 1);
  });

  it(`per IP: the ${RATE_LIMITS.passwordResetIp.max + 1}-th request from one address is refused with a message`, async () => {
    const ip = ipOf();
    const t0 = new Date();
    for (let i = 0; i < RATE_LIMITS.passwordResetIp.max; i++) await requestPasswordReset(uniqueEmail('reset-ip'), ip, t0);
    const user = await createUser(db, { role: 'ACTEUR' });
    await refused(requestPasswordReset(user.email, ip, t0), 'Trop de demandes depuis cette connexion. Réessayez dans une heure.');
    expect(await outboxOf(user.email)).toBe(0);
    await requestPasswordReset(user.email, ip, new Date(t0.getTime() + (RATE_LIMITS.passwordResetIp.windowSeconds + 1) * 1000));
    expect(await outboxOf(user.email)).toBe(1);
  });
});

describe('applications (« Postuler »)', () => {
  it(`${CANDIDATURES_PAR_JOUR + 5} simultaneous applications: exactly ${CANDIDATURES_PAR_JOUR} are recorded, the others refused in French; then the 24 hours end`, async () => {
    const structure = await createStructure(db, { raisonSociale: `CFA Limites ${tag()}` });
    const referent = await createActeur(db, structure.id, 'UTILISATEUR');
    const employeur = await createEmployeur(db);
    await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
    const offres = [];
    for (let i = 0; i < CANDIDATURES_PAR_JOUR + 6; i++) {
      offres.push(await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: referent.id, metier: COUVREUR }));
    }
    const user = await createUser(db, { role: 'CANDIDAT' });
    const projet = await createProjet(db, { candidatId: user.id, metier: COUVREUR });
    const candidat = await currentUserOf(db, user.id);
    const data = postulerSchema.parse({ projetNumero: projet.numero, joindreCv: false, message: 'Bonjour' });

    // more submits than pooled connections: they queue on the candidate's row lock
    const results = await Promise.allSettled(offres.slice(0, CANDIDATURES_PAR_JOUR + 5).map((o) => postuler(candidat, o.numero, data)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(CANDIDATURES_PAR_JOUR);
    const reasons = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as Error).message);
    expect(reasons).toEqual(Array(5).fill(CANDIDATURE_MESSAGES.limite));
    expect(await db.candidature.count({ where: { candidatId: user.id } })).toBe(CANDIDATURES_PAR_JOUR);
    await refused(postuler(candidat, offres.at(-1)!.numero, data), CANDIDATURE_MESSAGES.limite);

    // 24 hours later (the applications are what is counted: they are moved back a day)
    await db.candidature.updateMany({ where: { candidatId: user.id }, data: { createdAt: new Date(Date.now() - 24 * 3600_000 - 1000) } });
    await expect(postuler(candidat, offres.at(-1)!.numero, data)).resolves.toHaveProperty('numero');
  });
});

describe('contact messages (« CONTACTER CE PROFIL »)', () => {
  it(`the ${CONTACTS_PAR_JOUR + 1}-th message of the day is refused, and accepted once the 24 hours end`, async () => {
    const structure = await createStructure(db, { raisonSociale: `CFA Contact ${tag()}` });
    const sender = (await currentUserOf(db, (await createActeur(db, structure.id, 'UTILISATEUR')).id)) as StaffUser;
    const candidat = await createUser(db, { role: 'CANDIDAT' });
    const projet = await createProjet(db, { candidatId: candidat.id, visible: true });
    for (let i = 0; i < CONTACTS_PAR_JOUR; i++) await contactProfil(sender, projet.numero, { message: `Message ${i}` });
    await refused(contactProfil(sender, projet.numero, { message: 'Un de trop' }), PROFIL_MESSAGES.limite);
    expect(await db.message.count({ where: { fromUserId: sender.id } })).toBe(CONTACTS_PAR_JOUR);

    await expireWindow(RATE_LIMITS.contactProfil, sender.id);
    await contactProfil(sender, projet.numero, { message: 'Le lendemain' });
    expect(await db.message.count({ where: { fromUserId: sender.id } })).toBe(CONTACTS_PAR_JOUR + 1);
  });
});

describe('SIRET lookups', () => {
  // '12' is answered without the directory (invalid): what matters here is whether the limiter let it through
  const lookup = async (userId: string) => (await lookupSiretFor(await currentUserOf(db, userId), '12')).status;

  it(`for the whole server: ${LOOKUP_LIMITS.global.max + 5} simultaneous lookups, exactly ${LOOKUP_LIMITS.global.max} reach the directory`, async () => {
    const users = await Promise.all(Array.from({ length: LOOKUP_LIMITS.global.max + 5 }, () => createUser(db, { role: 'ACTEUR' })));
    const currents = await Promise.all(users.map((u) => currentUserOf(db, u.id)));
    await db.rateLimit.deleteMany({ where: { key: { startsWith: `${LOOKUP_LIMITS.global.name}:` } } });
    const statuses = await Promise.all(currents.map((c) => lookupSiretFor(c, '12').then((r) => r.status)));
    expect(statuses.filter((s) => s === 'invalid')).toHaveLength(LOOKUP_LIMITS.global.max);
    expect(statuses.filter((s) => s === 'rate_limited')).toHaveLength(5);
  });

  it(`per user: after ${LOOKUP_LIMITS.user.max} lookups the next is refused until the window ends`, async () => {
    const user = await createUser(db, { role: 'ACTEUR' });
    const other = await createUser(db, { role: 'ACTEUR' });
    for (let i = 0; i < LOOKUP_LIMITS.user.max; i++) await hit(LOOKUP_LIMITS.user, user.id);
    await db.rateLimit.deleteMany({ where: { key: { startsWith: `${LOOKUP_LIMITS.global.name}:` } } });
    const limited = await lookupSiretFor(await currentUserOf(db, user.id), '12');
    expect(limited).toEqual({ status: 'rate_limited', message: expect.stringMatching(/\S/) });
    expect(await lookup(other.id)).toBe('invalid');

    await expireWindow(LOOKUP_LIMITS.user, user.id);
    await db.rateLimit.deleteMany({ where: { key: { startsWith: `${LOOKUP_LIMITS.global.name}:` } } });
    expect(await lookup(user.id)).toBe('invalid');
  });
});
