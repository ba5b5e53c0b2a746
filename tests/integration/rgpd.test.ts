import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/permissions';
import { postuler } from '@/lib/data/candidatures';
import { saveMyCv } from '@/lib/data/documents';
import { RATE_LIMIT_MESSAGE } from '@/lib/data/rate-limit';
import { WRONG_PASSWORD_MESSAGE, deleteMyAccount, exportMyData } from '@/lib/data/rgpd';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { LocalStorage } from '@/lib/storage';
import { setStorageForTests } from '@/lib/storage/app-storage';
import { postulerSchema } from '@/lib/validations/candidat';
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
 * « Mes données » (lib/data/rgpd.ts) on the default local storage: the export holds everything
 * about the candidate and nothing about anyone else; the deletion of the account removes what
 * must go, anonymises the applications, ends the sessions, audits without personal data, e-mails.
 */

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

let uploads: string;
let storage: LocalStorage;
const fileOf = (storageKey: string) => path.join(uploads, ...storageKey.split('/'));
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  uploads = await mkdtemp(path.join(os.tmpdir(), 'cma-rgpd-'));
  storage = new LocalStorage(uploads);
  setStorageForTests(storage);
});

afterAll(async () => {
  setStorageForTests(undefined);
  await rm(uploads, { recursive: true, force: true });
});

/** A structure with a référent and two public offers « En cours ». */
async function structureWithOffres() {
  const structure = await createStructure(db, { raisonSociale: 'CFA des Données' });
  const referent = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('referent') });
  const employeur = await createEmployeur(db, { raisonSociale: 'Carrelages du Test' });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offre1 = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: referent.id });
  const offre2 = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: referent.id, metier: COUVREUR });
  return { structure, referent: await currentUserOf(db, referent.id), offre1, offre2 };
}

/** A candidate with everything the platform can hold about him. */
async function fullCandidate(tag: string, ctx: Awaited<ReturnType<typeof structureWithOffres>>) {
  const row = await createUser(db, {
    role: 'CANDIDAT',
    email: uniqueEmail(`cand-${tag}`),
    prenom: `Prénom${tag}`,
    nom: `Nom${tag}`,
    telephone: tag === 'a' ? '0556000001' : '0556000002',
  });
  const user = await currentUserOf(db, row.id);
  const projet = await createProjet(db, {
    candidatId: row.id,
    formations: [{ intitule: `Bac pro ${tag}`, statut: 'VALIDE', annee: 2024 }],
    experiences: [{ type: 'STAGE', intitule: `Stage carrelage ${tag}`, entreprise: `Entreprise secrète ${tag}`, dureeSemaines: 3, missions: `Missions ${tag}` }],
  });
  const projet2 = await createProjet(db, { candidatId: row.id, metier: COUVREUR, visible: false });
  const cv = await saveMyCv(user, { filename: `CV ${tag}.pdf`, bytes: pdf(`cv-${tag}`) });
  const parse = (input: unknown) => postulerSchema.parse(input);
  const c1 = await postuler(user, ctx.offre1.numero, parse({ projetNumero: projet.numero, message: `Message personnel ${tag}`, joindreCv: true }));
  const c2 = await postuler(user, ctx.offre2.numero, parse({ projetNumero: projet2.numero, message: '', joindreCv: false }));
  await db.candidature.update({
    where: { numero: c2.numero },
    data: { status: 'REFUSEE', reponseType: 'REFUS', reponseMessage: `Réponse au candidat ${tag}`, answeredById: ctx.referent.id, answeredAt: new Date() },
  });
  await db.notification.create({ data: { userId: row.id, type: 'REPONSE_CANDIDATURE', titre: `Réponse ${tag}`, corps: `Corps ${tag}`, lien: '/candidat/candidatures' } });
  await db.message.create({ data: { structureId: ctx.structure.id, fromUserId: ctx.referent.id, toUserId: row.id, projetId: projet.id, body: `Bonjour ${tag}, votre profil nous intéresse.` } });
  await db.favori.create({ data: { userId: ctx.referent.id, projetId: projet.id } });
  await db.alerte.create({ data: { structureId: ctx.structure.id, offreId: ctx.offre1.id, projetId: projet.id, score: 80, raisons: ['Même métier'] } });
  await db.passwordResetToken.create({ data: { userId: row.id, tokenHash: `hash-${tag}-${row.id}`, expiresAt: new Date(Date.now() + 3600_000) } });
  const doc = await db.document.findUniqueOrThrow({ where: { id: cv.id } });
  return { user, row, projet, projet2, cv: doc, candidatures: [c1.numero, c2.numero] };
}

let ctx: Awaited<ReturnType<typeof structureWithOffres>>;
let a: Awaited<ReturnType<typeof fullCandidate>>;
let b: Awaited<ReturnType<typeof fullCandidate>>;

beforeAll(async () => {
  ctx = await structureWithOffres();
  a = await fullCandidate('a', ctx);
  b = await fullCandidate('b', ctx);
});

describe('exportMyData', () => {
  it('holds the account, projects, applications, CV file, notifications and messages', async () => {
    const data = await exportMyData(a.user);
    expect(data.plateforme).toBe('CMonAlternance');
    expect(data.compte).toMatchObject({ numero: a.row.numero, email: a.row.email, prenom: 'Prénoma', nom: 'Noma', telephone: '0556000001', role: 'CANDIDAT' });

    expect(data.projets.map((p) => p.numero).sort()).toEqual([a.projet.numero, a.projet2.numero].sort());
    const projet = data.projets.find((p) => p.numero === a.projet.numero)!;
    expect(projet).toMatchObject({ metier: a.projet.metier, visible: true, departements: ['33'] });
    expect(projet.formations).toEqual([{ intitule: 'Bac pro a', statut: 'VALIDE', annee: 2024 }]);
    expect(projet.experiences).toEqual([
      { type: 'STAGE', intitule: 'Stage carrelage a', entreprise: 'Entreprise secrète a', dureeSemaines: 3, dureeJours: null, missions: 'Missions a' },
    ]);

    expect(data.candidatures.map((c) => c.numero)).toEqual(a.candidatures);
    const [c1, c2] = data.candidatures;
    expect(c1).toMatchObject({ message: 'Message personnel a', cvNom: 'CV a.pdf', status: 'A_TRAITER' });
    expect(c1!.offreSnapshot).toMatchObject({ numero: ctx.offre1.numero, structure: 'CFA des Données' });
    expect(c2).toMatchObject({ status: 'REFUSEE', reponseType: 'REFUS', reponseMessage: 'Réponse au candidat a' });

    expect(data.documents).toHaveLength(1);
    expect(data.documents[0]).toMatchObject({ filename: 'CV a.pdf', size: pdf('cv-a').length, mimeType: 'application/pdf', deletedAt: null });
    expect(Buffer.from(data.documents[0]!.contenuBase64!, 'base64')).toEqual(pdf('cv-a'));

    expect(data.notifications).toEqual([expect.objectContaining({ titre: 'Réponse a', corps: 'Corps a' })]);
    expect(data.messagesRecus).toEqual([expect.objectContaining({ de: 'CFA des Données', message: 'Bonjour a, votre profil nous intéresse.' })]);
  });

  it('contains nothing of another candidate, no secret and no storage key', async () => {
    const text = JSON.stringify(await exportMyData(a.user));
    for (const foreign of [
      b.row.email,
      'Prénomb',
      'Nomb',
      '0556000002',
      'Bac pro b',
      'Entreprise secrète b',
      'Message personnel b',
      'Réponse au candidat b',
      'Corps b',
      'Bonjour b',
      'CV b.pdf',
      pdf('cv-b').toString('base64'),
      String(b.projet.numero).padStart(9, '0'),
    ]) {
      expect(text, foreign).not.toContain(foreign);
    }
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain(a.cv.storageKey);
    expect(text).not.toContain('tokenHash');
    expect(text).not.toContain(ctx.referent.email);
  });
});

describe('deleteMyAccount', () => {
  /** What a deletion must not touch when it is refused. */
  async function footprint(user: Pick<CurrentUser, 'id'>, cvKey: string) {
    return {
      user: await db.user.findUnique({ where: { id: user.id }, omit: { passwordHash: false } }),
      projets: await db.projet.count({ where: { candidatId: user.id } }),
      documents: await db.document.count({ where: { ownerId: user.id } }),
      notifications: await db.notification.count({ where: { userId: user.id } }),
      candidatures: await db.candidature.findMany({ where: { candidatId: user.id }, orderBy: { numero: 'asc' } }),
      file: await exists(fileOf(cvKey)),
      audits: await db.auditLog.count({ where: { action: 'candidat.suppression_compte', entityId: user.id } }),
      emails: await db.emailOutbox.count({ where: { to: (await db.user.findUnique({ where: { id: user.id } }))?.email ?? '-' } }),
    };
  }

  it('refuses a wrong password and changes nothing', async () => {
    const before = await footprint(a.user, a.cv.storageKey);
    expect(before.file).toBe(true);
    const error = await deleteMyAccount(a.user, 'Mauvais-mot2passe!').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toBe(WRONG_PASSWORD_MESSAGE);
    expect((error as UserFacingError).fieldErrors).toEqual({ password: WRONG_PASSWORD_MESSAGE });
    expect(await footprint(a.user, a.cv.storageKey)).toEqual(before);
  });

  it('after 5 wrong passwords in 15 minutes, even the right one is refused (a stolen session cannot guess it)', async () => {
    const u = await currentUserOf(db, (await createUser(db, { role: 'CANDIDAT' })).id);
    for (let i = 0; i < 5; i++) await expect(deleteMyAccount(u, `Mauvais-${i}-mot2passe!`)).rejects.toThrow(WRONG_PASSWORD_MESSAGE);
    await expect(deleteMyAccount(u, DEMO_PASSWORD)).rejects.toThrow(RATE_LIMIT_MESSAGE);
    expect(await db.user.findUnique({ where: { id: u.id } })).not.toBeNull();
  });

  it('refuses an acteur (his account is not a candidate account) and changes nothing', async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: ctx.referent.id } });
    await expect(deleteMyAccount(ctx.referent, DEMO_PASSWORD)).rejects.toThrow('Seul un compte candidat peut être supprimé depuis cette page.');
    expect(await db.user.findUniqueOrThrow({ where: { id: ctx.referent.id } })).toEqual(before);
    expect(await db.membership.count({ where: { userId: ctx.referent.id } })).toBe(1);
  });

  it('with the right password: deletes the account and what belongs to it, anonymises the applications, audits, e-mails', async () => {
    const bBefore = await footprint(b.user, b.cv.storageKey);
    const projetIds = [a.projet.id, a.projet2.id];
    const offreCounts = await db.candidature.count({ where: { offreId: { in: [ctx.offre1.id, ctx.offre2.id] } } });
    const started = new Date();

    await deleteMyAccount(a.user, DEMO_PASSWORD, '10.40.0.1');

    // the account and everything that was his only
    expect(await db.user.findUnique({ where: { id: a.user.id } })).toBeNull();
    expect(await db.projet.count({ where: { id: { in: projetIds } } })).toBe(0);
    expect(await db.projetFormation.count({ where: { projetId: { in: projetIds } } })).toBe(0);
    expect(await db.projetExperience.count({ where: { projetId: { in: projetIds } } })).toBe(0);
    expect(await db.document.count({ where: { ownerId: a.user.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: a.user.id } })).toBe(0);
    expect(await db.message.count({ where: { toUserId: a.user.id } })).toBe(0);
    expect(await db.favori.count({ where: { projetId: { in: projetIds } } })).toBe(0);
    expect(await db.alerte.count({ where: { projetId: { in: projetIds } } })).toBe(0);
    expect(await db.passwordResetToken.count({ where: { userId: a.user.id } })).toBe(0);
    expect(await exists(fileOf(a.cv.storageKey))).toBe(false);

    // the applications stay for the structure's statistics, anonymised
    expect(await db.candidature.count({ where: { offreId: { in: [ctx.offre1.id, ctx.offre2.id] } } })).toBe(offreCounts);
    const kept = await db.candidature.findMany({ where: { numero: { in: a.candidatures } }, orderBy: { numero: 'asc' } });
    expect(kept).toHaveLength(2);
    for (const c of kept) {
      expect(c).toMatchObject({ candidatId: null, projetId: null, documentId: null, message: null, cvNom: null, cvTaille: null });
      expect(c.anonymizedAt!.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
      const snapshot = c.projetSnapshot as Record<string, unknown>;
      expect(snapshot).not.toHaveProperty('formations');
      expect(snapshot).not.toHaveProperty('experiences');
      expect(snapshot).not.toHaveProperty('numero');
      expect(snapshot).not.toHaveProperty('diplomeIntitule');
      expect(snapshot.metier).toBeTruthy();
      const text = JSON.stringify(c);
      for (const personal of [a.row.email, 'Prénoma', 'Noma', '0556000001', 'Bac pro a', 'Entreprise secrète a', 'Message personnel a', 'CV a.pdf']) {
        expect(text, personal).not.toContain(personal);
      }
    }
    // what the structure knows of its own offer and its answer stays
    expect(kept[0]!.offreSnapshot).toMatchObject({ numero: ctx.offre1.numero });
    expect(kept[1]).toMatchObject({ status: 'REFUSEE', reponseType: 'REFUS' });

    // one audit row, without personal data
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'candidat.suppression_compte', entityId: a.user.id } });
    expect(audit).toMatchObject({ actorId: null, entityType: 'User', ip: '10.40.0.1' });
    const auditText = JSON.stringify([audit.before, audit.after]);
    for (const personal of [a.row.email, 'Prénoma', 'Noma', '0556000001', 'CV a.pdf']) expect(auditText, personal).not.toContain(personal);
    expect(audit.after).toMatchObject({ candidatures: 2, documents: 1 });

    // the confirmation e-mail, in the outbox
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: a.row.email, template: 'compte-supprime' } });
    expect(email).toMatchObject({ subject: 'Votre compte CMonAlternance a été supprimé', status: 'EN_ATTENTE' });
    expect(email.text).toContain('Prénoma');

    // the other candidate is untouched
    expect(await footprint(b.user, b.cv.storageKey)).toEqual(bBefore);
    expect((await exportMyData(b.user)).candidatures).toHaveLength(2);
  });

  it('cannot be done twice: the deleted account is unknown', async () => {
    await expect(deleteMyAccount(a.user, DEMO_PASSWORD)).rejects.toThrow('Compte introuvable.');
  });
});
