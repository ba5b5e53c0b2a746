import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import type { CurrentUser } from '@/lib/auth/permissions';
import {
  answerCandidature,
  getMyCandidature,
  getPostulerContext,
  listMyCandidatures,
  postuler,
  type OffreSnapshot,
} from '@/lib/data/candidatures';
import type { ProjetSnapshot } from '@/lib/data/candidat';
import {
  countUnreadNotifications,
  listMyNotifications,
  markAllMyNotificationsRead,
  openMyNotification,
} from '@/lib/data/notifications';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import {
  CANDIDATURES_PAR_JOUR,
  CANDIDATURE_MESSAGES,
  REPONSE_MESSAGES,
  postulerSchema,
  type PostulerInput,
} from '@/lib/validations/candidat';
import {
  COUVREUR,
  createActeur,
  createCandidature,
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
 * lib/data/candidatures.ts and lib/data/notifications.ts against a real PostgreSQL: what an
 * application keeps (snapshots), who may read it, every refusal of « Postuler », the référent's
 * e-mail and notification, and « Répondre à cette candidature » answered exactly once.
 */

afterAll(async () => {
  await db.$disconnect();
});

const tag = () => randomUUID().slice(0, 6);

async function asStaff(id: string): Promise<StaffUser> {
  return (await currentUserOf(db, id)) as StaffUser;
}

/** A structure with a gestionnaire and a utilisateur (the référent), a validated employer and an offer « En cours ». */
async function world(opts: { referent?: 'utilisateur' | 'aucun' } = {}) {
  const t = tag();
  const structure = await createStructure(db, { raisonSociale: `CFA Candidatures ${t}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('cand-g') });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('cand-u'), prenom: 'Ursule' });
  const employeur = await createEmployeur(db, { raisonSociale: `Toitures ${t}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offre = await createOffre(db, {
    structureId: structure.id,
    employeurId: employeur.id,
    referentId: opts.referent === 'aucun' ? undefined : utilisateur.id,
    metier: COUVREUR,
    types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
    commune: 'Pauillac',
    codePostal: '33250',
    communeInsee: '33314',
    dateEmbauche: new Date('2027-09-01'),
    dureeMois: 24,
    diplomes: [
      { intitule: 'CAP couvreur', niveau: 3 },
      { intitule: 'Couvreur-zingueur (BM)', niveau: 5 },
    ],
  });
  return { structure, gestionnaire, utilisateur, employeur, offre };
}

/** A candidate with one project (a training, an experience) and, optionally, a CV. */
async function candidat(opts: { cv?: boolean } = {}) {
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('cand-c'), prenom: 'Léo' });
  const projet = await createProjet(db, {
    candidatId: user.id,
    metier: COUVREUR,
    types: ['APPRENTISSAGE'],
    diplomeIntitule: 'CAP couvreur',
    niveau: 3,
    dureeAnnees: 2,
    departements: ['33', '40'],
    visible: false,
    formations: [{ intitule: 'Diplôme national du brevet', statut: 'VALIDE', annee: 2024 }],
    experiences: [{ type: 'STAGE', intitule: 'Stage de découverte', entreprise: 'Toitures Test', dureeSemaines: 1, dureeJours: 2, missions: 'Pose de tuiles' }],
  });
  const cv = opts.cv
    ? await db.document.create({
        data: { ownerId: user.id, filename: 'CV Léo.pdf', storageKey: `cv/${randomUUID()}.pdf`, size: 513_784, mimeType: 'application/pdf', sha256: 'a'.repeat(64) },
      })
    : null;
  return { user, projet, cv, current: await currentUserOf(db, user.id) };
}

function input(values: PostulerInput) {
  return postulerSchema.parse(values);
}

async function expectRefused(promise: Promise<unknown>, message: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as Error).message).toBe(message);
  return error as UserFacingError;
}

function outbox(to: string) {
  return db.emailOutbox.findMany({ where: { to }, select: { subject: true, html: true, text: true, template: true } });
}

function notificationsOf(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
}

describe('postuler', () => {
  it('keeps a snapshot of the offer and of the project, the message and the CV; the référent is told', async () => {
    const w = await world();
    const c = await candidat({ cv: true });
    const { numero } = await postuler(c.current, w.offre.numero, input({ projetNumero: String(c.projet.numero), message: '  Bonjour, je suis motivé.  ', joindreCv: true }), '10.5.0.1');

    const row = await db.candidature.findUniqueOrThrow({ where: { numero } });
    expect(row).toMatchObject({
      offreId: w.offre.id,
      candidatId: c.user.id,
      projetId: c.projet.id,
      status: 'A_TRAITER',
      message: 'Bonjour, je suis motivé.',
      documentId: c.cv!.id,
      cvNom: 'CV Léo.pdf',
      cvTaille: 513_784,
      reponseType: null,
      reponseMessage: null,
    });
    const offre = row.offreSnapshot as unknown as OffreSnapshot;
    expect(offre).toMatchObject({
      numero: w.offre.numero,
      metier: COUVREUR.metier,
      romeCode: COUVREUR.romeCode,
      types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
      commune: 'Pauillac',
      codePostal: '33250',
      departementCode: '33',
      dateEmbauche: '2027-09-01',
      dureeMois: 24,
      employeur: w.employeur.raisonSociale,
      structure: w.structure.raisonSociale,
      diplomes: [
        { intitule: 'CAP couvreur', niveau: 3 },
        { intitule: 'Couvreur-zingueur (BM)', niveau: 5 },
      ],
    });
    // never a contact detail of the workplace
    expect(JSON.stringify(offre)).not.toContain('avenue Thiers');
    const projet = row.projetSnapshot as unknown as ProjetSnapshot;
    expect(projet).toMatchObject({
      numero: c.projet.numero,
      metier: COUVREUR.metier,
      types: ['APPRENTISSAGE'],
      diplomeIntitule: 'CAP couvreur',
      niveau: 3,
      dureeAnnees: 2,
      zoneRegion: false,
      departements: ['33', '40'],
      formations: [{ intitule: 'Diplôme national du brevet', statut: 'VALIDE', annee: 2024 }],
      experiences: [{ type: 'STAGE', intitule: 'Stage de découverte', entreprise: 'Toitures Test', dureeSemaines: 1, dureeJours: 2, missions: 'Pose de tuiles' }],
    });

    // audited
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'candidature.envoi', entityId: row.id } });
    expect(audit).toMatchObject({ actorId: c.user.id, ip: '10.5.0.1', after: { numero, offre: w.offre.numero, cv: true } });

    // the référent (not the gestionnaire) gets a notification and an e-mail, in the same transaction
    const [notif] = await notificationsOf(w.utilisateur.id);
    expect(notif).toMatchObject({ type: 'NOUVELLE_CANDIDATURE', lien: `/mon-espace/candidatures/${numero}`, readAt: null });
    expect(notif!.corps).toContain(String(numero).padStart(10, '0'));
    const mails = await outbox(w.utilisateur.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Nouvelle candidature à votre offre ${COUVREUR.metier}`);
    expect(mails[0]!.text).toContain(`/mon-espace/candidatures/${numero}`);
    expect(await notificationsOf(w.gestionnaire.id)).toHaveLength(0);
    expect(await outbox(w.gestionnaire.email)).toHaveLength(0);

    // later changes of the offer and of the project do not change what was sent
    await db.offre.update({ where: { id: w.offre.id }, data: { metier: 'Autre métier', commune: 'Lesparre' } });
    await db.projet.update({ where: { id: c.projet.id }, data: { dureeAnnees: 3, departements: ['64'] } });
    await db.projetFormation.deleteMany({ where: { projetId: c.projet.id } });
    const mine = await getMyCandidature(c.current, numero);
    expect(mine?.offreSnapshot).toMatchObject({ metier: COUVREUR.metier, commune: 'Pauillac' });
    expect(mine?.projetSnapshot).toMatchObject({ dureeAnnees: 2, departements: ['33', '40'], formations: [{ intitule: 'Diplôme national du brevet' }] });
    expect(mine).toMatchObject({ numero, status: 'A_TRAITER', cvNom: 'CV Léo.pdf', cvTaille: 513_784, offre: { numero: w.offre.numero, status: 'EN_COURS' } });
  });

  it('without « Joindre mon CV » no CV is attached; an empty message is stored as none', async () => {
    const w = await world();
    const c = await candidat({ cv: true });
    const { numero } = await postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, message: '   ', joindreCv: false }));
    expect(await db.candidature.findUniqueOrThrow({ where: { numero } })).toMatchObject({ documentId: null, cvNom: null, cvTaille: null, message: null });
  });

  it('« Joindre mon CV » without a CV is refused, on that field, and nothing is written', async () => {
    const w = await world();
    const c = await candidat();
    const error = await expectRefused(
      postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: true })),
      CANDIDATURE_MESSAGES.cvManquant,
    );
    expect(error.fieldErrors).toEqual({ joindreCv: CANDIDATURE_MESSAGES.cvManquant });
    // a deleted CV counts as none
    await db.document.create({
      data: { ownerId: c.user.id, filename: 'ancien.pdf', storageKey: `cv/${randomUUID()}.pdf`, size: 10, mimeType: 'application/pdf', sha256: 'b'.repeat(64), deletedAt: new Date() },
    });
    await expectRefused(postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: true })), CANDIDATURE_MESSAGES.cvManquant);
    expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(0);
    expect(await notificationsOf(w.utilisateur.id)).toHaveLength(0);
  });

  it('refuses a second application to the same offer', async () => {
    const w = await world();
    const c = await candidat();
    await postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: false }));
    await expectRefused(postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: false })), CANDIDATURE_MESSAGES.dejaPostule);
    expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(1);
    expect(await outbox(w.utilisateur.email)).toHaveLength(1);
  });

  it(`refuses more than ${CANDIDATURES_PAR_JOUR} applications in 24 hours; older ones do not count`, async () => {
    const w = await world();
    const c = await candidat();
    // the 20 applications of the day go to offers of another structure (created directly)
    const autre = await world();
    const ids: string[] = [];
    for (let i = 0; i < CANDIDATURES_PAR_JOUR; i++) {
      const offre = await createOffre(db, { structureId: autre.structure.id, employeurId: autre.employeur.id });
      ids.push((await createCandidature(db, { offreId: offre.id, candidatId: c.user.id, projetId: c.projet.id })).id);
    }
    expect((await getPostulerContext(c.current, w.offre.numero))?.limiteAtteinte).toBe(true);
    await expectRefused(postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: false })), CANDIDATURE_MESSAGES.limite);
    expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(CANDIDATURES_PAR_JOUR);

    // one of them 25 hours old: there is room for one more
    await db.candidature.update({ where: { id: ids[0] }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    expect((await getPostulerContext(c.current, w.offre.numero))?.limiteAtteinte).toBe(false);
    await postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: false }));
    expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(CANDIDATURES_PAR_JOUR + 1);
  });

  it('refuses an offer that is not « En cours », unknown, or not public', async () => {
    const w = await world();
    const c = await candidat();
    const values = input({ projetNumero: c.projet.numero, joindreCv: false });
    for (const status of ['POURVUE', 'ARCHIVEE'] as const) {
      const offre = await createOffre(db, { structureId: w.structure.id, employeurId: w.employeur.id, status });
      await expectRefused(postuler(c.current, offre.numero, values), CANDIDATURE_MESSAGES.offreFermee);
      expect((await getPostulerContext(c.current, offre.numero))?.offre.status).toBe(status);
    }
    await expectRefused(postuler(c.current, 2_000_000_000, values), CANDIDATURE_MESSAGES.offreIntrouvable);
    expect(await getPostulerContext(c.current, 2_000_000_000)).toBeNull();

    // an employer not validated for the structure: the offer is not public
    const pending = await createEmployeur(db);
    await linkEmployeur(db, { structureId: w.structure.id, employeurId: pending.id, status: 'EN_ATTENTE' });
    const cachee = await createOffre(db, { structureId: w.structure.id, employeurId: pending.id });
    await expectRefused(postuler(c.current, cachee.numero, values), CANDIDATURE_MESSAGES.offreIntrouvable);
    expect(await getPostulerContext(c.current, cachee.numero)).toBeNull();
    expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(0);
  });

  it("refuses another candidate's project, on the project field", async () => {
    const w = await world();
    const c = await candidat();
    const other = await candidat();
    const error = await expectRefused(
      postuler(c.current, w.offre.numero, input({ projetNumero: other.projet.numero, joindreCv: false })),
      CANDIDATURE_MESSAGES.projet,
    );
    expect(error.fieldErrors).toEqual({ projetNumero: CANDIDATURE_MESSAGES.projet });
    expect(await db.candidature.count({ where: { offreId: w.offre.id } })).toBe(0);
  });

  it('only a candidate applies', async () => {
    const w = await world();
    const c = await candidat();
    const acteur = await currentUserOf(db, w.gestionnaire.id);
    await expect(postuler(acteur, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: false }))).rejects.toBeInstanceOf(UserFacingError);
    expect(await db.candidature.count({ where: { offreId: w.offre.id } })).toBe(0);
  });

  it('without a référent, the active gestionnaires of the structure are told', async () => {
    const w = await world({ referent: 'aucun' });
    const g2 = await createActeur(db, w.structure.id, 'GESTIONNAIRE', { email: uniqueEmail('cand-g2') });
    const inactif = await createActeur(db, w.structure.id, 'GESTIONNAIRE', { email: uniqueEmail('cand-g3') });
    await db.user.update({ where: { id: inactif.id }, data: { active: false } });
    const c = await candidat();
    const { numero } = await postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: false }));
    for (const g of [w.gestionnaire, g2]) {
      expect(await notificationsOf(g.id)).toMatchObject([{ type: 'NOUVELLE_CANDIDATURE', lien: `/mon-espace/candidatures/${numero}` }]);
      expect(await outbox(g.email)).toHaveLength(1);
    }
    expect(await notificationsOf(w.utilisateur.id)).toHaveLength(0);
    expect(await notificationsOf(inactif.id)).toHaveLength(0);
    expect(await outbox(inactif.email)).toHaveLength(0);
  });

  it('an inactive référent: the gestionnaires are told instead', async () => {
    const w = await world();
    await db.user.update({ where: { id: w.utilisateur.id }, data: { active: false } });
    const c = await candidat();
    await postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: false }));
    expect(await notificationsOf(w.utilisateur.id)).toHaveLength(0);
    expect(await notificationsOf(w.gestionnaire.id)).toHaveLength(1);
  });
});

describe('getPostulerContext, listMyCandidatures, getMyCandidature', () => {
  it("shows the candidate's own projects, CV and existing application only", async () => {
    const w = await world();
    const c = await candidat({ cv: true });
    const other = await candidat({ cv: true });
    const before = await getPostulerContext(c.current, w.offre.numero);
    expect(before).toMatchObject({
      offre: { numero: w.offre.numero, status: 'EN_COURS', metier: COUVREUR.metier },
      projets: [{ numero: c.projet.numero, visible: false }],
      cv: { id: c.cv!.id, filename: 'CV Léo.pdf' },
      existing: null,
      limiteAtteinte: false,
    });
    const { numero } = await postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: true }));
    expect((await getPostulerContext(c.current, w.offre.numero))?.existing?.numero).toBe(numero);
    // the other candidate sees his own things, not this application
    expect(await getPostulerContext(other.current, w.offre.numero)).toMatchObject({ projets: [{ numero: other.projet.numero }], cv: { id: other.cv!.id }, existing: null });
  });

  it("another candidate's application is unknown to him (null), whatever its number; lists are scoped", async () => {
    const w = await world();
    const c = await candidat();
    const other = await candidat();
    const { numero } = await postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, message: 'Privé', joindreCv: false }));
    expect(await getMyCandidature(c.current, numero)).not.toBeNull();
    expect(await getMyCandidature(other.current, numero)).toBeNull();
    expect(await getMyCandidature(c.current, 2_000_000_000)).toBeNull();
    expect(await listMyCandidatures(other.current, 1)).toEqual({ total: 0, items: [], pages: 1 });
    const mine = await listMyCandidatures(c.current, 1);
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ numero, status: 'A_TRAITER', message: 'Privé', offreSnapshot: { metier: COUVREUR.metier } });
    // staff are not candidates: nothing of theirs either
    expect(await getMyCandidature(await currentUserOf(db, w.utilisateur.id), numero)).toBeNull();
  });

  it('lists newest first, 10 a page', async () => {
    const w = await world();
    const c = await candidat();
    for (let i = 0; i < 12; i++) {
      const offre = await createOffre(db, { structureId: w.structure.id, employeurId: w.employeur.id });
      const row = await createCandidature(db, { offreId: offre.id, candidatId: c.user.id, projetId: c.projet.id });
      await db.candidature.update({ where: { id: row.id }, data: { createdAt: new Date(Date.now() - (12 - i) * 60_000) } });
    }
    const p1 = await listMyCandidatures(c.current, 1);
    const p2 = await listMyCandidatures(c.current, 2);
    expect(p1).toMatchObject({ total: 12, pages: 2 });
    expect(p1.items).toHaveLength(10);
    expect(p2.items).toHaveLength(2);
    const dates = [...p1.items, ...p2.items].map((i) => i.createdAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe('answerCandidature', () => {
  async function applied() {
    const w = await world();
    const c = await candidat();
    const { numero } = await postuler(c.current, w.offre.numero, input({ projetNumero: c.projet.numero, joindreCv: false }));
    return { ...w, c, numero };
  }

  it('the candidate reads « Entretien proposé » with the message in full, is notified and e-mailed', async () => {
    const a = await applied();
    const message = 'Bonjour,\nnous vous proposons un entretien mardi à 10 h.\nContact : recrutement@exemple.test — 05 56 00 00 00';
    await answerCandidature(await asStaff(a.utilisateur.id), a.numero, { type: 'ENTRETIEN', message });
    expect(await getMyCandidature(a.c.current, a.numero)).toMatchObject({ status: 'ACCEPTEE', reponseType: 'ENTRETIEN', reponseMessage: message });
    const [notif] = await notificationsOf(a.c.user.id);
    expect(notif).toMatchObject({ type: 'REPONSE_CANDIDATURE', titre: `Entretien proposé : ${COUVREUR.metier}`, corps: message, readAt: null });
    const [mail] = await outbox(a.c.user.email);
    expect(mail).toMatchObject({ subject: `Votre candidature ${COUVREUR.metier} : entretien proposé`, template: 'candidature-entretien' });
    expect(mail!.text).toContain('nous vous proposons un entretien mardi à 10 h.');
    expect(mail!.text).toContain(a.structure.raisonSociale);

    // a second answer is refused and changes nothing
    await expectRefused(answerCandidature(await asStaff(a.gestionnaire.id), a.numero, { type: 'REFUS', message: 'Finalement non' }), REPONSE_MESSAGES.dejaRepondu);
    expect(await getMyCandidature(a.c.current, a.numero)).toMatchObject({ status: 'ACCEPTEE', reponseMessage: message });
    expect(await notificationsOf(a.c.user.id)).toHaveLength(1);
  });

  it('a refusal reads « Non retenue » (REFUSEE)', async () => {
    const a = await applied();
    await answerCandidature(await asStaff(a.gestionnaire.id), a.numero, { type: 'REFUS', message: 'Le poste est pourvu.' });
    expect(await getMyCandidature(a.c.current, a.numero)).toMatchObject({ status: 'REFUSEE', reponseType: 'REFUS' });
    expect((await outbox(a.c.user.email))[0]).toMatchObject({ template: 'candidature-refus' });
  });

  it("another structure's staff cannot answer: « introuvable », nothing changes", async () => {
    const a = await applied();
    const autre = await world();
    await expectRefused(
      answerCandidature(await asStaff(autre.gestionnaire.id), a.numero, { type: 'ENTRETIEN', message: 'Intrusion' }),
      CANDIDATURE_MESSAGES.introuvable,
    );
    expect(await db.candidature.findUniqueOrThrow({ where: { numero: a.numero } })).toMatchObject({ status: 'A_TRAITER', reponseMessage: null, answeredById: null });
    expect(await notificationsOf(a.c.user.id)).toHaveLength(0);
    expect(await outbox(a.c.user.email)).toHaveLength(0);
  });
});

describe('notifications', () => {
  async function userWithNotifications(n: number) {
    const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('notif') });
    for (let i = 0; i < n; i++) {
      await db.notification.create({
        data: { userId: user.id, type: 'SYSTEME', titre: `Notification ${i}`, lien: '/candidat/candidatures', createdAt: new Date(Date.now() - (n - i) * 1000) },
      });
    }
    return currentUserOf(db, user.id);
  }

  it('counts, lists (newest first, 20 a page), opens and marks read only the owner’s notifications', async () => {
    const me: CurrentUser = await userWithNotifications(22);
    const other = await userWithNotifications(1);
    expect(await countUnreadNotifications(me.id)).toBe(22);
    const p1 = await listMyNotifications(me, 1);
    expect(p1).toMatchObject({ total: 22, pages: 2 });
    expect(p1.items[0]!.titre).toBe('Notification 21');
    expect((await listMyNotifications(me, 2)).items).toHaveLength(2);

    const theirs = (await listMyNotifications(other, 1)).items[0]!;
    expect(await openMyNotification(me, theirs.id)).toBeNull();
    expect(await countUnreadNotifications(other.id)).toBe(1);

    expect(await openMyNotification(me, p1.items[0]!.id)).toEqual({ lien: '/candidat/candidatures' });
    expect(await countUnreadNotifications(me.id)).toBe(21);
    // opening it again keeps the first reading date
    const readAt = (await db.notification.findUniqueOrThrow({ where: { id: p1.items[0]!.id } })).readAt;
    await openMyNotification(me, p1.items[0]!.id);
    expect((await db.notification.findUniqueOrThrow({ where: { id: p1.items[0]!.id } })).readAt).toEqual(readAt);

    expect(await markAllMyNotificationsRead(me)).toBe(21);
    expect(await countUnreadNotifications(me.id)).toBe(0);
    expect(await countUnreadNotifications(other.id)).toBe(1);
  });
});
