import { describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import { db } from '@/lib/db';
import { createOffreFor, getOffre, getOffreFormOptions, updateOffreFor } from '@/lib/data/offres';
import { UserFacingError } from '@/lib/errors';
import { OFFRE_MESSAGES, isoDay, maxDateEmbauche, offreSchema, offreSchemaFor, todayParis, type OffreInput } from '@/lib/validations/offre';
import { CARRELEUR, COUVREUR, createActeur, createEmployeur, createOffre, createStructure, linkEmployeur } from '@/tests/factories';

/** The StaffUser the guards would build, read back from the database. */
async function staff(id: string): Promise<StaffUser> {
  return (await db.user.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      numero: true,
      email: true,
      prenom: true,
      nom: true,
      role: true,
      membership: { select: { role: true, structure: { select: { id: true, numero: true, raisonSociale: true, completedAt: true, active: true } } } },
    },
  })) as StaffUser;
}

async function certification(intituleContains: string) {
  return db.certification.findFirstOrThrow({
    where: { intituleRecherche: { contains: intituleContains }, active: true },
    select: { id: true, intitule: true, niveau: true },
  });
}

function inDays(days: number) {
  const d = new Date(`${todayParis()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** A structure with a gestionnaire, a utilisateur, a validated and a pending employer. */
async function setup() {
  const structure = await createStructure(db, { raisonSociale: `CFA offres ${Date.now()}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE');
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { prenom: 'Ulysse', nom: 'Utile' });
  const valide = await createEmployeur(db, { raisonSociale: 'Carrelages Test', adresse: '3 rue des Carreaux', codePostal: '33100', communeInsee: '33063', ville: 'Bordeaux' });
  const enAttente = await createEmployeur(db, { raisonSociale: 'En attente Test' });
  const refuse = await createEmployeur(db, { raisonSociale: 'Refusé Test' });
  await linkEmployeur(db, { structureId: structure.id, employeurId: valide.id });
  await linkEmployeur(db, { structureId: structure.id, employeurId: enAttente.id, status: 'EN_ATTENTE' });
  await linkEmployeur(db, { structureId: structure.id, employeurId: refuse.id, status: 'REFUSE', motifRefus: 'non' });
  const cap = await certification('cap - carreleur mosaiste');
  const autre = await certification('bp - carreleur mosaiste');
  return { structure, gestionnaire, utilisateur, valide, enAttente, refuse, cap, autre, user: await staff(gestionnaire.id) };
}

function input(s: Awaited<ReturnType<typeof setup>>, overrides: Partial<OffreInput> = {}): OffreInput {
  return {
    types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
    employeurId: s.valide.id,
    appellationCode: CARRELEUR.appellationCode,
    metier: 'forgé par le client',
    description: 'Pose de carrelage en neuf et en rénovation.',
    adresse: '3 rue des Carreaux',
    complementAdresse: '',
    codePostal: '33100',
    communeInsee: '33063',
    dateEmbauche: inDays(60),
    dureeMois: '24',
    referentId: s.utilisateur.id,
    nombrePostes: '2',
    diplomes: [
      { certificationId: s.cap.id, intitule: 'intitulé forgé', niveau: 9 },
      { certificationId: s.autre.id, intitule: s.autre.intitule, niveau: s.autre.niveau },
    ],
    ...overrides,
  };
}

async function counts(structureId: string) {
  const [offres, audits] = await Promise.all([
    db.offre.count({ where: { structureId } }),
    db.auditLog.count({ where: { action: 'offre.creation', entityType: 'Offre', entityId: { in: (await db.offre.findMany({ where: { structureId }, select: { id: true } })).map((o) => o.id) } } }),
  ]);
  return { offres, audits };
}

async function expectRefused(promise: Promise<unknown>, field: string, message?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as UserFacingError).fieldErrors?.[field]).toEqual(message ?? expect.any(String));
}

describe('the offer schema', () => {
  it('gives a French message next to each missing field', () => {
    const result = offreSchema.safeParse({
      types: [],
      employeurId: '',
      appellationCode: '',
      description: '',
      adresse: '',
      complementAdresse: '',
      codePostal: '',
      communeInsee: '',
      dateEmbauche: '',
      dureeMois: '',
      referentId: '',
      nombrePostes: '',
      diplomes: [],
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toMatchObject({
      types: OFFRE_MESSAGES.types,
      employeurId: OFFRE_MESSAGES.employeur,
      appellationCode: OFFRE_MESSAGES.metier,
      adresse: OFFRE_MESSAGES.adresse,
      dateEmbauche: OFFRE_MESSAGES.dateEmbauche,
      referentId: OFFRE_MESSAGES.referent,
      nombrePostes: OFFRE_MESSAGES.postes,
      diplomes: OFFRE_MESSAGES.diplomes,
    });
  });

  it('accepts today, refuses yesterday and more than 2 years ahead, and checks durée and postes', () => {
    const base = { types: ['STAGE_PRO'], employeurId: 'e', appellationCode: '1', adresse: 'a', referentId: 'r', nombrePostes: '1', dureeMois: '', diplomes: [{ certificationId: 'c', intitule: 'x', niveau: 3 }] };
    const issues = (over: Record<string, unknown>) => offreSchema.safeParse({ ...base, dateEmbauche: todayParis(), ...over }).error?.issues.map((i) => i.message) ?? [];
    expect(issues({})).toEqual([]);
    expect(issues({ dateEmbauche: inDays(-1) })).toEqual([OFFRE_MESSAGES.datePassee]);
    expect(issues({ dateEmbauche: maxDateEmbauche() })).toEqual([]);
    expect(issues({ dateEmbauche: inDays(800) })).toEqual([OFFRE_MESSAGES.dateLointaine]);
    expect(issues({ dateEmbauche: '2027-02-30' })).toEqual([OFFRE_MESSAGES.dateEmbauche]);
    expect(issues({ dureeMois: '49' })).toEqual([OFFRE_MESSAGES.duree]);
    expect(issues({ dureeMois: '1,5' })).toEqual([OFFRE_MESSAGES.duree]);
    expect(issues({ nombrePostes: '0' })).toEqual([OFFRE_MESSAGES.postes]);
    expect(issues({ nombrePostes: 100 })).toEqual([OFFRE_MESSAGES.postes]);
    expect(issues({ codePostal: '33000' })).toEqual([OFFRE_MESSAGES.commune]);
    expect(issues({ diplomes: [base.diplomes[0], base.diplomes[0]] })).toEqual([OFFRE_MESSAGES.diplomeDoublon]);
    // « Modifier »: the stored date may stay as it was, even past
    expect(offreSchemaFor({ dateInitiale: inDays(-10) }).safeParse({ ...base, dateEmbauche: inDays(-10) }).success).toBe(true);
    expect(offreSchemaFor({ dateInitiale: inDays(-10) }).safeParse({ ...base, dateEmbauche: inDays(-9) }).success).toBe(false);
  });
});

describe('createOffreFor', () => {
  it('publishes the offer with its two diplômes as snapshots, fills searchText and writes the audit', async () => {
    const s = await setup();
    const { numero } = await createOffreFor(s.user, offreSchema.parse(input(s)), '127.0.0.1');
    const offre = await db.offre.findUniqueOrThrow({ where: { numero }, include: { diplomes: { orderBy: { id: 'asc' } } } });
    expect(offre).toMatchObject({
      structureId: s.structure.id,
      employeurId: s.valide.id,
      types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
      appellationCode: CARRELEUR.appellationCode,
      romeCode: CARRELEUR.romeCode,
      romeVersion: '460',
      metier: CARRELEUR.metier, // from the referential, not from the client
      commune: 'Bordeaux',
      departementCode: '33',
      dureeMois: 24,
      nombrePostes: 2,
      referentId: s.utilisateur.id,
      createdById: s.gestionnaire.id,
      status: 'EN_COURS',
      archivedAt: null,
    });
    expect(Date.now() - offre.publishedAt.getTime()).toBeLessThan(60_000);
    expect(isoDay(offre.dateEmbauche)).toBe(inDays(60));
    expect(offre.diplomes.map((d) => ({ certificationId: d.certificationId, intitule: d.intitule, niveau: d.niveau }))).toEqual([
      { certificationId: s.cap.id, intitule: s.cap.intitule, niveau: s.cap.niveau },
      { certificationId: s.autre.id, intitule: s.autre.intitule, niveau: s.autre.niveau },
    ]);
    expect(offre.searchText).toContain('carreleur / carreleuse mosaiste');
    expect(offre.searchText).toContain('carrelages test');
    expect(offre.searchText).toContain('bordeaux');
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'offre.creation', entityId: offre.id } });
    expect(audit.actorId).toBe(s.gestionnaire.id);
    expect(audit.after).toMatchObject({ numero, metier: CARRELEUR.metier, employeurId: s.valide.id, status: 'EN_COURS' });
  });

  it('lets a UTILISATEUR of the structure create offers too', async () => {
    const s = await setup();
    const { numero } = await createOffreFor(await staff(s.utilisateur.id), offreSchema.parse(input(s, { referentId: s.gestionnaire.id })), null);
    expect(await db.offre.count({ where: { numero, structureId: s.structure.id } })).toBe(1);
  });

  it('refuses a forged employer (pending, refused, another structure’s, unknown), a foreign référent, an unknown appellation or certification — nothing written', async () => {
    const s = await setup();
    const other = await createStructure(db);
    const otherMember = await createActeur(db, other.id, 'GESTIONNAIRE');
    const foreignEmployeur = await createEmployeur(db, { raisonSociale: 'Employeur d’une autre structure' });
    await linkEmployeur(db, { structureId: other.id, employeurId: foreignEmployeur.id });

    for (const employeurId of [s.enAttente.id, s.refuse.id, foreignEmployeur.id, 'inconnu']) {
      await expectRefused(createOffreFor(s.user, offreSchema.parse(input(s, { employeurId })), null), 'employeurId', OFFRE_MESSAGES.employeurNonValide);
    }
    await expectRefused(createOffreFor(s.user, offreSchema.parse(input(s, { referentId: otherMember.id })), null), 'referentId', OFFRE_MESSAGES.referent);
    await expectRefused(createOffreFor(s.user, offreSchema.parse(input(s, { appellationCode: '99999999' })), null), 'appellationCode', OFFRE_MESSAGES.metierInconnu);
    await expectRefused(
      createOffreFor(s.user, offreSchema.parse(input(s, { diplomes: [{ certificationId: 'inconnue', intitule: 'X', niveau: 3 }] })), null),
      'diplomes',
      OFFRE_MESSAGES.diplomeInconnu,
    );
    // a diplôme without a referential link is only kept from an existing offer, never invented
    await expectRefused(
      createOffreFor(s.user, offreSchema.parse(input(s, { diplomes: [{ certificationId: null, intitule: 'Diplôme inventé', niveau: 3 }] })), null),
      'diplomes',
      OFFRE_MESSAGES.diplomeInconnu,
    );
    await expectRefused(createOffreFor(s.user, offreSchema.parse(input(s, { codePostal: '64000', communeInsee: '33063' })), null), 'communeInsee');
    expect(await counts(s.structure.id)).toEqual({ offres: 0, audits: 0 });
    expect(await db.offreDiplome.count({ where: { offre: { structureId: s.structure.id } } })).toBe(0);
  });

  it('lists only the structure’s validated employers and its members as choices', async () => {
    const s = await setup();
    const options = await getOffreFormOptions(s.user);
    expect(options.employeurs.map((e) => e.raisonSociale)).toEqual(['Carrelages Test']);
    expect(options.employeurs[0]).toMatchObject({ adresse: '3 rue des Carreaux', codePostal: '33100', communeInsee: '33063' });
    expect(options.membres.map((m) => m.id).sort()).toEqual([s.gestionnaire.id, s.utilisateur.id].sort());
  });
});

describe('getOffre', () => {
  it('reads an offer of the caller’s structure, and answers 404 for another structure’s or an unknown number', async () => {
    const s = await setup();
    const { numero } = await createOffreFor(s.user, offreSchema.parse(input(s)), null);
    const offre = await getOffre(await staff(s.utilisateur.id), numero);
    expect(offre).toMatchObject({ numero, metier: CARRELEUR.metier, employeur: { raisonSociale: 'Carrelages Test' }, referent: { prenom: 'Ulysse', nom: 'Utile' }, candidatures: 0 });
    expect(offre.diplomes).toHaveLength(2);

    const other = await createStructure(db);
    const intrus = await staff((await createActeur(db, other.id, 'GESTIONNAIRE')).id);
    await expect(getOffre(intrus, numero)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    await expect(getOffre(s.user, 2_000_000_000)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
  });
});

describe('updateOffreFor', () => {
  it('saves the changes, replaces the diplômes, refreshes searchText and audits before/after', async () => {
    const s = await setup();
    const { numero } = await createOffreFor(s.user, offreSchema.parse(input(s)), null);
    const before = await db.offre.findUniqueOrThrow({ where: { numero } });
    const result = await updateOffreFor(
      await staff(s.utilisateur.id),
      numero,
      offreSchemaFor({ pastAllowed: true }).parse(
        input(s, { appellationCode: COUVREUR.appellationCode, types: ['STAGE_PRO'], description: 'Zinguerie', diplomes: [{ certificationId: s.autre.id, intitule: 'affiché seulement', niveau: null }] }),
      ),
      null,
    );
    expect(result).toEqual({ numero, outcome: 'enregistree' });
    const after = await db.offre.findUniqueOrThrow({ where: { numero }, include: { diplomes: true } });
    expect(after).toMatchObject({ metier: COUVREUR.metier, romeCode: COUVREUR.romeCode, types: ['STAGE_PRO'], description: 'Zinguerie', status: 'EN_COURS' });
    expect(after.publishedAt).toEqual(before.publishedAt); // an offer « En cours » keeps its clock
    expect(after.diplomes.map((d) => d.certificationId)).toEqual([s.autre.id]);
    expect(after.searchText).toContain('couvreur');
    expect(after.searchText).not.toContain('carreleur / carreleuse');
    expect(after.searchText).not.toContain('cap - carreleur');
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'offre.modification', entityId: after.id } });
    expect(audit.actorId).toBe(s.utilisateur.id);
    expect(audit.before).toMatchObject({ metier: CARRELEUR.metier, types: ['APPRENTISSAGE', 'CONTRAT_PRO'] });
    expect(audit.after).toMatchObject({ metier: COUVREUR.metier, types: ['STAGE_PRO'], status: 'EN_COURS' });
  });

  it('reactivates an ARCHIVEE offer: EN_COURS, publishedAt now, archivedAt and archiveWarnedAt cleared', async () => {
    const s = await setup();
    const old = new Date(Date.now() - 200 * 86_400_000);
    const offre = await createOffre(db, { structureId: s.structure.id, employeurId: s.valide.id, referentId: s.gestionnaire.id, status: 'ARCHIVEE', publishedAt: old });
    await db.offre.update({ where: { id: offre.id }, data: { archiveWarnedAt: old } });
    // the seeded diplôme has no referential link: it is kept as it was
    const data = offreSchemaFor({ pastAllowed: true }).parse(input(s, { diplomes: [{ certificationId: null, intitule: 'CAP carreleur mosaïste', niveau: 3 }] }));
    expect(await updateOffreFor(s.user, offre.numero, data, null)).toEqual({ numero: offre.numero, outcome: 'reactivee' });
    const after = await db.offre.findUniqueOrThrow({ where: { id: offre.id }, include: { diplomes: true } });
    expect(after).toMatchObject({ status: 'EN_COURS', archivedAt: null, archiveWarnedAt: null });
    expect(Date.now() - after.publishedAt.getTime()).toBeLessThan(60_000);
    expect(after.diplomes).toEqual([expect.objectContaining({ certificationId: null, intitule: 'CAP carreleur mosaïste', niveau: 3 })]);
  });

  it('keeps online an offer « En cours » whose archiving was announced, once saved (as the e-mail says)', async () => {
    const s = await setup();
    const old = new Date(Date.now() - 178 * 86_400_000);
    const warned = await createOffre(db, { structureId: s.structure.id, employeurId: s.valide.id, referentId: s.gestionnaire.id, publishedAt: old });
    await db.offre.update({ where: { id: warned.id }, data: { archiveWarnedAt: new Date() } });
    const quiet = await createOffre(db, { structureId: s.structure.id, employeurId: s.valide.id, referentId: s.gestionnaire.id, publishedAt: old });
    const data = offreSchemaFor({ pastAllowed: true }).parse(input(s));

    expect((await updateOffreFor(s.user, warned.numero, data, null)).outcome).toBe('enregistree');
    const after = await db.offre.findUniqueOrThrow({ where: { id: warned.id } });
    expect(after).toMatchObject({ status: 'EN_COURS', archiveWarnedAt: null });
    expect(Date.now() - after.publishedAt.getTime()).toBeLessThan(60_000);

    // an ordinary edit does not touch the publication date
    await updateOffreFor(s.user, quiet.numero, data, null);
    expect((await db.offre.findUniqueOrThrow({ where: { id: quiet.id } })).publishedAt).toEqual(old);
  });

  it('keeps a POURVUE offer POURVUE, and an offer unpublished by the team archived', async () => {
    const s = await setup();
    const pourvue = await createOffre(db, { structureId: s.structure.id, employeurId: s.valide.id, referentId: s.gestionnaire.id, status: 'POURVUE' });
    const data = offreSchemaFor({ pastAllowed: true }).parse(input(s));
    expect((await updateOffreFor(s.user, pourvue.numero, data, null)).outcome).toBe('enregistree');
    expect((await db.offre.findUniqueOrThrow({ where: { id: pourvue.id } })).status).toBe('POURVUE');

    const depubliee = await createOffre(db, { structureId: s.structure.id, employeurId: s.valide.id, referentId: s.gestionnaire.id, status: 'ARCHIVEE' });
    await db.offre.update({ where: { id: depubliee.id }, data: { motifDepublication: 'Offre non conforme' } });
    expect((await updateOffreFor(s.user, depubliee.numero, data, null)).outcome).toBe('enregistree');
    expect((await db.offre.findUniqueOrThrow({ where: { id: depubliee.id } })).status).toBe('ARCHIVEE');
  });

  it('keeps a past hiring date unchanged, but refuses a new past date or republishing it', async () => {
    const s = await setup();
    const past = new Date(`${inDays(-30)}T00:00:00Z`);
    const enCours = await createOffre(db, { structureId: s.structure.id, employeurId: s.valide.id, referentId: s.gestionnaire.id, dateEmbauche: past });
    const parse = (dateEmbauche: string) => offreSchemaFor({ pastAllowed: true }).parse(input(s, { dateEmbauche }));
    expect((await updateOffreFor(s.user, enCours.numero, parse(inDays(-30)), null)).outcome).toBe('enregistree');
    await expectRefused(updateOffreFor(s.user, enCours.numero, parse(inDays(-29)), null), 'dateEmbauche', OFFRE_MESSAGES.datePassee);

    const archivee = await createOffre(db, { structureId: s.structure.id, employeurId: s.valide.id, referentId: s.gestionnaire.id, status: 'ARCHIVEE', dateEmbauche: past });
    await expectRefused(updateOffreFor(s.user, archivee.numero, parse(inDays(-30)), null), 'dateEmbauche', OFFRE_MESSAGES.datePassee);
    expect((await db.offre.findUniqueOrThrow({ where: { id: archivee.id } })).status).toBe('ARCHIVEE');
  });

  it('refuses another structure’s offer and a forged employer, writing nothing', async () => {
    const s = await setup();
    const { numero } = await createOffreFor(s.user, offreSchema.parse(input(s)), null);
    const other = await createStructure(db);
    const intrus = await staff((await createActeur(db, other.id, 'GESTIONNAIRE')).id);
    const data = offreSchemaFor({ pastAllowed: true }).parse(input(s, { description: 'Piratée' }));
    await expect(updateOffreFor(intrus, numero, data, null)).rejects.toThrow(OFFRE_MESSAGES.offreIntrouvable);
    await expectRefused(updateOffreFor(s.user, numero, offreSchemaFor({ pastAllowed: true }).parse(input(s, { employeurId: s.enAttente.id })), null), 'employeurId');
    const after = await db.offre.findUniqueOrThrow({ where: { numero } });
    expect(after.description).toBe('Pose de carrelage en neuf et en rénovation.');
    expect(after.employeurId).toBe(s.valide.id);
    expect(await db.auditLog.count({ where: { action: 'offre.modification', entityId: after.id } })).toBe(0);
  });
});
