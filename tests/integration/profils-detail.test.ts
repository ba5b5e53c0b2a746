import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import {
  contactProfil,
  countMyFavoris,
  getProfilForStaff,
  listMyFavoris,
  listMyMessages,
  toggleFavori,
} from '@/lib/data/profils-detail';
import { hit, isLimited, RATE_LIMITS, reset } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import {
  CONTACT_MESSAGE_MAX,
  CONTACTS_PAR_JOUR,
  FAVORIS_PAGE_SIZE,
  PROFIL_MESSAGES,
  contactProfilSchema,
  nombreProjetsFavoris,
} from '@/lib/validations/profils-contact';
import { COUVREUR, TECHNICO_COMMERCIAL, createActeur, createProjet, createStructure, createUser, uniqueEmail } from '@/tests/factories';
import { currentUserOf } from '@/tests/helpers/current-user';

/**
 * lib/data/profils-detail.ts against a real PostgreSQL: staff reach only projects whose candidate
 * consented, never the candidate's identity or contact details; favourites belong to each user;
 * « CONTACTER CE PROFIL » writes the message, the notification, the e-mail and the audit row
 * together, within a daily limit, in the name of the sender's own structure.
 */

afterAll(async () => {
  await db.$disconnect();
});

const tag = () => randomUUID().slice(0, 6);

async function asStaff(id: string): Promise<StaffUser> {
  return (await currentUserOf(db, id)) as StaffUser;
}

/** A structure with a gestionnaire and a utilisateur. */
async function structure(name = 'CFA Profils') {
  const s = await createStructure(db, { raisonSociale: `${name} ${tag()}` });
  const g = await createActeur(db, s.id, 'GESTIONNAIRE', { email: uniqueEmail('prof-g') });
  const u = await createActeur(db, s.id, 'UTILISATEUR', { email: uniqueEmail('prof-u') });
  return { structure: s, gestionnaire: await asStaff(g.id), utilisateur: await asStaff(u.id) };
}

/** A candidate (with a phone) and one project, visible unless told otherwise. */
async function candidat(opts: { visible?: boolean; metier?: typeof COUVREUR } = {}) {
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('prof-c'), prenom: 'Zoé', nom: `Secret${tag()}`, telephone: '0611223344' });
  const projet = await createProjet(db, {
    candidatId: user.id,
    metier: opts.metier ?? TECHNICO_COMMERCIAL,
    types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
    diplomeIntitule: 'Titre professionnel négociateur technico-commercial',
    niveau: 5,
    dureeAnnees: 1,
    zoneRegion: false,
    departements: ['33', '40'],
    visible: opts.visible ?? true,
    formations: [{ intitule: 'Bac pro métiers du commerce et de la vente', statut: 'VALIDE', annee: 2022 }],
    experiences: [{ type: 'STAGE', intitule: 'Commerciale', entreprise: 'Demeures de la côte', dureeSemaines: 3, dureeJours: 5, missions: 'Rendez-vous clients' }],
  });
  return { user, projet };
}

async function refused(promise: Promise<unknown>, message: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as Error).message).toBe(message);
}

const favorisOf = (userId: string) => db.favori.findMany({ where: { userId }, select: { projetId: true } });

describe('getProfilForStaff', () => {
  it('returns a visible project with the PROFIL number, and nothing that identifies the candidate', async () => {
    const { gestionnaire } = await structure();
    const c = await candidat();
    const p = await getProfilForStaff(gestionnaire, c.projet.numero);
    expect(p).not.toBeNull();
    expect(Object.keys(p!).sort()).toEqual(
      ['contacts', 'departements', 'diplomeIntitule', 'dureeAnnees', 'experiences', 'formations', 'isFavori', 'metier', 'niveau', 'numero', 'profilNumero', 'types', 'zoneRegion'].sort(),
    );
    expect(p).toMatchObject({
      numero: c.projet.numero,
      metier: TECHNICO_COMMERCIAL.metier,
      types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
      niveau: 5,
      dureeAnnees: 1,
      departements: ['33', '40'],
      profilNumero: c.user.numero,
      isFavori: false,
      contacts: { count: 0, dernier: null },
    });
    expect(p!.formations).toEqual([{ intitule: 'Bac pro métiers du commerce et de la vente', statut: 'VALIDE', annee: 2022 }]);
    expect(Object.keys(p!.experiences[0]!).sort()).toEqual(['dureeJours', 'dureeSemaines', 'entreprise', 'intitule', 'missions', 'type']);
    const text = JSON.stringify(p);
    for (const secret of [c.user.email, c.user.telephone!, c.user.nom, c.user.prenom, c.user.id, c.projet.id]) expect(text).not.toContain(secret);
  });

  it('answers null for a hidden project, an unknown number, an inactive or anonymised candidate', async () => {
    const { gestionnaire } = await structure();
    const hidden = await candidat({ visible: false });
    expect(await getProfilForStaff(gestionnaire, hidden.projet.numero)).toBeNull();
    expect(await getProfilForStaff(gestionnaire, 2_000_000_000)).toBeNull();

    const inactive = await candidat();
    await db.user.update({ where: { id: inactive.user.id }, data: { active: false } });
    expect(await getProfilForStaff(gestionnaire, inactive.projet.numero)).toBeNull();

    const anonymised = await candidat();
    await db.user.update({ where: { id: anonymised.user.id }, data: { anonymizedAt: new Date() } });
    expect(await getProfilForStaff(gestionnaire, anonymised.projet.numero)).toBeNull();
  });
});

describe('favoris', () => {
  it('belong to each user, are idempotent, and leave a colleague’s untouched', async () => {
    const { gestionnaire, utilisateur } = await structure();
    const c1 = await candidat();
    const c2 = await candidat({ metier: COUVREUR });

    expect(await toggleFavori(gestionnaire, c1.projet.numero, true)).toEqual({ favori: true, changed: true });
    expect(await toggleFavori(gestionnaire, c1.projet.numero, true)).toEqual({ favori: true, changed: false });
    // two clicks at the same moment: one favourite, no error
    await Promise.all([toggleFavori(gestionnaire, c2.projet.numero, true), toggleFavori(gestionnaire, c2.projet.numero, true)]);
    await toggleFavori(utilisateur, c1.projet.numero, true);

    expect(await favorisOf(gestionnaire.id)).toHaveLength(2);
    expect((await getProfilForStaff(gestionnaire, c2.projet.numero))!.isFavori).toBe(true);
    expect((await getProfilForStaff(utilisateur, c2.projet.numero))!.isFavori).toBe(false);
    expect((await getProfilForStaff(utilisateur, c1.projet.numero))!.isFavori).toBe(true);

    // the gestionnaire removes c1: the utilisateur keeps his
    expect(await toggleFavori(gestionnaire, c1.projet.numero, false)).toEqual({ favori: false, changed: true });
    expect(await toggleFavori(gestionnaire, c1.projet.numero, false)).toEqual({ favori: false, changed: false });
    expect(await favorisOf(gestionnaire.id)).toEqual([{ projetId: c2.projet.id }]);
    expect(await favorisOf(utilisateur.id)).toEqual([{ projetId: c1.projet.id }]);

    // one audit row per real change
    const audits = await db.auditLog.findMany({ where: { actorId: gestionnaire.id }, orderBy: { createdAt: 'asc' }, select: { action: true, entityId: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(['favori.ajout', 'favori.ajout', 'favori.retrait']);
  });

  it('refuses a hidden or unknown project; a hidden favourite can still be removed', async () => {
    const { gestionnaire } = await structure();
    const hidden = await candidat({ visible: false });
    await refused(toggleFavori(gestionnaire, hidden.projet.numero, true), PROFIL_MESSAGES.introuvable);
    await refused(toggleFavori(gestionnaire, 2_000_000_000, true), PROFIL_MESSAGES.introuvable);
    expect(await favorisOf(gestionnaire.id)).toEqual([]);

    const c = await candidat();
    await toggleFavori(gestionnaire, c.projet.numero, true);
    await db.projet.update({ where: { id: c.projet.id }, data: { visible: false } });
    expect(await toggleFavori(gestionnaire, c.projet.numero, false)).toEqual({ favori: false, changed: true });
    expect(await favorisOf(gestionnaire.id)).toEqual([]);
  });

  it('listMyFavoris shows only the user’s favourites still visible, latest first, paginated', async () => {
    const { gestionnaire, utilisateur } = await structure();
    const a = await candidat();
    const b = await candidat({ metier: COUVREUR });
    const gone = await candidat();
    for (const x of [a, b, gone]) await toggleFavori(gestionnaire, x.projet.numero, true);
    await toggleFavori(utilisateur, a.projet.numero, true);

    let list = await listMyFavoris(gestionnaire, 1);
    expect(list.total).toBe(3);
    expect(list.items.map((p) => p.numero)).toEqual([gone.projet.numero, b.projet.numero, a.projet.numero]);
    expect(Object.keys(list.items[0]!).sort()).toEqual(['diplomeIntitule', 'metier', 'niveau', 'numero', 'types']);

    // consent withdrawn, then an account deactivated: both leave the list (and the count)
    await db.projet.update({ where: { id: gone.projet.id }, data: { visible: false } });
    await db.user.update({ where: { id: b.user.id }, data: { active: false } });
    list = await listMyFavoris(gestionnaire, 1);
    expect(list).toMatchObject({ total: 1, pages: 1 });
    expect(list.items.map((p) => p.numero)).toEqual([a.projet.numero]);
    expect(await countMyFavoris(gestionnaire)).toBe(1);
    expect(await getProfilForStaff(gestionnaire, gone.projet.numero)).toBeNull();
    // the row stays: should the candidate make it visible again, it comes back
    await db.projet.update({ where: { id: gone.projet.id }, data: { visible: true } });
    expect(await countMyFavoris(gestionnaire)).toBe(2);

    expect((await listMyFavoris(utilisateur, 1)).items.map((p) => p.numero)).toEqual([a.projet.numero]);

    // FAVORIS_PAGE_SIZE a page
    const { gestionnaire: many } = await structure();
    for (let i = 0; i < FAVORIS_PAGE_SIZE + 1; i++) await toggleFavori(many, (await candidat()).projet.numero, true);
    const page1 = await listMyFavoris(many, 1);
    const page2 = await listMyFavoris(many, 2);
    expect(page1).toMatchObject({ total: FAVORIS_PAGE_SIZE + 1, pages: 2 });
    expect(page1.items).toHaveLength(FAVORIS_PAGE_SIZE);
    expect(page2.items).toHaveLength(1);
    expect(page1.items.map((p) => p.numero)).not.toContain(page2.items[0]!.numero);
  });

  it('counts in words', () => {
    expect(nombreProjetsFavoris(0)).toBe('Aucun projet favori');
    expect(nombreProjetsFavoris(1)).toBe('1 projet');
    expect(nombreProjetsFavoris(2)).toBe('2 projets');
  });
});

describe('contactProfil', () => {
  const message = 'Bonjour, votre projet nous intéresse. Écrivez-nous : recrutement@cfa.test ou 05 56 00 00 00.';

  it('writes the message, the notification, the e-mail and the audit row, in the name of the sender’s structure', async () => {
    const w = await structure('CFA Contact');
    const c = await candidat();
    const { messageId } = await contactProfil(w.utilisateur, c.projet.numero, contactProfilSchema.parse({ message: `  ${message}  ` }), '10.6.0.1');

    const row = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(row).toMatchObject({ structureId: w.structure.id, fromUserId: w.utilisateur.id, toUserId: c.user.id, projetId: c.projet.id, body: message });

    const notifications = await db.notification.findMany({ where: { userId: c.user.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ type: 'CONTACT', lien: '/candidat/messages', corps: message, readAt: null });
    expect(notifications[0]!.titre).toContain(w.structure.raisonSociale);

    const emails = await db.emailOutbox.findMany({ where: { to: c.user.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: 'profil-contact', status: 'EN_ATTENTE' });
    expect(emails[0]!.subject).toContain(w.structure.raisonSociale);
    expect(emails[0]!.text).toContain('recrutement@cfa.test');
    expect(emails[0]!.text).toContain('/candidat/messages');

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'profil.contact', entityId: messageId } });
    expect(audit).toMatchObject({ actorId: w.utilisateur.id, entityType: 'Message', ip: '10.6.0.1' });
    expect(JSON.stringify(audit.after)).not.toContain('recrutement@cfa.test');

    // the candidate reads it; nobody else does
    const mine = await listMyMessages(c.user, 1);
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ body: message, structure: { raisonSociale: w.structure.raisonSociale }, projet: { numero: c.projet.numero } });
    const other = await candidat();
    expect((await listMyMessages(other.user, 1)).total).toBe(0);

    // colleagues see that their structure already wrote; another structure does not
    expect((await getProfilForStaff(w.gestionnaire, c.projet.numero))!.contacts.count).toBe(1);
    const autre = await structure('Mission locale Contact');
    expect((await getProfilForStaff(autre.gestionnaire, c.projet.numero))!.contacts).toEqual({ count: 0, dernier: null });
  });

  it('another structure’s member writes in the name of his own structure', async () => {
    const a = await structure('CFA A');
    const b = await structure('ML B');
    const c = await candidat();
    await contactProfil(a.gestionnaire, c.projet.numero, { message: 'De A' });
    await contactProfil(b.gestionnaire, c.projet.numero, { message: 'De B' });
    const rows = await db.message.findMany({ where: { toUserId: c.user.id }, select: { structureId: true, body: true, fromUserId: true }, orderBy: { body: 'asc' } });
    expect(rows).toEqual([
      { structureId: a.structure.id, body: 'De A', fromUserId: a.gestionnaire.id },
      { structureId: b.structure.id, body: 'De B', fromUserId: b.gestionnaire.id },
    ]);
    expect((await getProfilForStaff(a.utilisateur, c.projet.numero))!.contacts.count).toBe(1);
    expect((await getProfilForStaff(b.utilisateur, c.projet.numero))!.contacts.count).toBe(1);
    const titles = (await db.notification.findMany({ where: { userId: c.user.id }, select: { titre: true } })).map((n) => n.titre);
    expect(titles.some((t) => t.includes(a.structure.raisonSociale))).toBe(true);
    expect(titles.some((t) => t.includes(b.structure.raisonSociale))).toBe(true);
  });

  it('refuses a hidden or unknown project and writes nothing', async () => {
    const { gestionnaire } = await structure();
    const hidden = await candidat({ visible: false });
    await refused(contactProfil(gestionnaire, hidden.projet.numero, { message }), PROFIL_MESSAGES.introuvable);
    await refused(contactProfil(gestionnaire, 2_000_000_000, { message }), PROFIL_MESSAGES.introuvable);
    expect(await db.message.count({ where: { fromUserId: gestionnaire.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: hidden.user.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: hidden.user.email } })).toBe(0);
    // refusals do not use up the daily limit
    expect(await isLimited({ ...RATE_LIMITS.contactProfil, max: 1 }, gestionnaire.id)).toBe(false);
  });

  it('is all or nothing: when the e-mail cannot be written, no message and no notification remain', async () => {
    const { gestionnaire } = await structure();
    const c = await candidat();
    // an address the outbox refuses (the candidate's row is written around the app on purpose)
    await db.user.update({ where: { id: c.user.id }, data: { email: `pas-une-adresse-${tag()}` } });
    await expect(contactProfil(gestionnaire, c.projet.numero, { message })).rejects.toThrow(/Adresse e-mail invalide/);
    expect(await db.message.count({ where: { toUserId: c.user.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: c.user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: gestionnaire.id, action: 'profil.contact' } })).toBe(0);
  });

  it(`allows ${CONTACTS_PAR_JOUR} messages per user and 24 hours`, async () => {
    const { gestionnaire, utilisateur } = await structure();
    const c = await candidat();
    // the user already wrote CONTACTS_PAR_JOUR - 1 messages today
    for (let i = 0; i < CONTACTS_PAR_JOUR - 1; i++) await hit(RATE_LIMITS.contactProfil, gestionnaire.id);
    await contactProfil(gestionnaire, c.projet.numero, { message: 'Le dernier du jour' });
    await refused(contactProfil(gestionnaire, c.projet.numero, { message: 'Un de trop' }), PROFIL_MESSAGES.limite);
    expect((await db.message.findMany({ where: { fromUserId: gestionnaire.id }, select: { body: true } })).map((m) => m.body)).toEqual(['Le dernier du jour']);
    expect(await db.emailOutbox.count({ where: { to: c.user.email } })).toBe(1);
    // the limit is the user's, not the structure's
    await contactProfil(utilisateur, c.projet.numero, { message: 'Un collègue' });
    await reset(RATE_LIMITS.contactProfil, gestionnaire.id);
  });
});

describe('contactProfilSchema', () => {
  it('requires a message of at most CONTACT_MESSAGE_MAX characters, trimmed', () => {
    const errorOf = (input: unknown) => contactProfilSchema.safeParse(input).error?.issues[0]?.message;
    expect(errorOf({ message: '   ' })).toBe(PROFIL_MESSAGES.message);
    expect(errorOf({})).toBe(PROFIL_MESSAGES.message);
    expect(errorOf({ message: 'x'.repeat(CONTACT_MESSAGE_MAX + 1) })).toBe(PROFIL_MESSAGES.messageLong);
    expect(contactProfilSchema.parse({ message: `  ${'x'.repeat(CONTACT_MESSAGE_MAX)}  ` }).message).toHaveLength(CONTACT_MESSAGE_MAX);
  });
});
