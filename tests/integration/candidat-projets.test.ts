import { afterAll, describe, expect, it } from 'vitest';
import {
  countMyCandidaturesByStatus,
  createProjet,
  deleteProjet,
  getMyProjet,
  listMyProjets,
  projetFormValues,
  projetSnapshot,
  updateProjet,
} from '@/lib/data/candidat';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { PROJETS_MAX, PROJET_MESSAGES, projetSchema, type ProjetInput } from '@/lib/validations/candidat';
import {
  CARRELEUR,
  COUVREUR,
  createActeur,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet as createProjetRow,
  createStructure,
  createUser,
  linkEmployeur,
} from '@/tests/factories';

/** lib/data/candidat.ts: « Mes projets », always scoped to the candidate who owns them. */

afterAll(async () => {
  await db.$disconnect();
});

async function candidat() {
  const user = await createUser(db, { role: 'CANDIDAT', prenom: 'Léa', nom: 'Projet' });
  return { id: user.id, role: user.role };
}

async function certification(intitule: string) {
  return db.certification.findFirstOrThrow({ where: { intitule, active: true }, select: { id: true, intitule: true, niveau: true } });
}

/** What the form sends, parsed by the action's own schema. */
function input(overrides: Partial<ProjetInput> = {}): ProjetInput {
  return {
    appellationCode: CARRELEUR.appellationCode,
    metier: 'un libellé envoyé par le client',
    types: ['CONTRAT_PRO', 'APPRENTISSAGE'],
    certificationId: '',
    diplomeIntitule: 'un intitulé envoyé par le client',
    dureeAnnees: '2',
    zoneRegion: false,
    departements: ['40', '33'],
    formations: [],
    experiences: [],
    visible: true,
    ...overrides,
  };
}
const parse = (i: ProjetInput) => projetSchema.parse(i);

async function expectUserFacing(promise: Promise<unknown>, message: string, fieldErrors?: Record<string, string>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as UserFacingError).message).toBe(message);
  if (fieldErrors) expect((error as UserFacingError).fieldErrors).toEqual(fieldErrors);
}

describe('createProjet', () => {
  it('reads the métier, the diplôme and its level from the referentials, never from the client; writes an audit row', async () => {
    const user = await candidat();
    const cap = await certification('CAP - Carreleur Mosaïste');
    const { numero } = await createProjet(
      user,
      parse(
        input({
          certificationId: cap.id,
          formations: [{ intitule: 'Bac pro aménagement et finition du bâtiment', statut: 'VALIDE', annee: '2024' }],
          experiences: [{ type: 'STAGE', intitule: 'Aide carreleur', entreprise: 'Carrelages Test', dureeSemaines: '3', dureeJours: '5', missions: 'Préparation des supports' }],
        }),
      ),
      '10.1.2.3',
    );
    const row = await db.projet.findUniqueOrThrow({ where: { numero }, include: { formations: true, experiences: true } });
    expect(row).toMatchObject({
      candidatId: user.id,
      appellationCode: CARRELEUR.appellationCode,
      romeCode: CARRELEUR.romeCode,
      metier: CARRELEUR.metier,
      types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
      certificationId: cap.id,
      diplomeIntitule: cap.intitule,
      niveau: cap.niveau,
      dureeAnnees: 2,
      zoneRegion: false,
      departements: ['33', '40'],
      visible: true,
    });
    expect(row.romeVersion).toBeTruthy();
    expect(row.formations).toMatchObject([{ intitule: 'Bac pro aménagement et finition du bâtiment', statut: 'VALIDE', annee: 2024, position: 0 }]);
    expect(row.experiences).toMatchObject([
      { type: 'STAGE', intitule: 'Aide carreleur', entreprise: 'Carrelages Test', dureeSemaines: 3, dureeJours: 5, missions: 'Préparation des supports', position: 0 },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: row.id, action: 'projet.creation' } });
    expect(audit).toMatchObject({ actorId: user.id, entityType: 'Projet', ip: '10.1.2.3' });
    expect(audit.after).toEqual({ numero, visible: true });
  });

  it('refuses unknown codes with a message on each field, and writes nothing', async () => {
    const user = await candidat();
    await expectUserFacing(createProjet(user, parse(input({ appellationCode: '99999999', certificationId: 'pas-une-certification' }))), PROJET_MESSAGES.metierInconnu, {
      appellationCode: PROJET_MESSAGES.metierInconnu,
      certificationId: PROJET_MESSAGES.diplomeInconnu,
    });
    const cap = await certification('CAP - Carreleur Mosaïste');
    await expectUserFacing(createProjet(user, parse(input({ certificationId: cap.id, appellationCode: 'ZZZ' }))), PROJET_MESSAGES.metierInconnu, {
      appellationCode: PROJET_MESSAGES.metierInconnu,
    });
    await expectUserFacing(createProjet(user, parse(input({ certificationId: 'inconnue' }))), PROJET_MESSAGES.diplomeInconnu, {
      certificationId: PROJET_MESSAGES.diplomeInconnu,
    });
    expect(await db.projet.count({ where: { candidatId: user.id } })).toBe(0);
  });

  it(`refuses a project beyond ${PROJETS_MAX}`, async () => {
    const user = await candidat();
    for (let i = 0; i < PROJETS_MAX; i++) await createProjetRow(db, { candidatId: user.id });
    const cap = await certification('CAP - Carreleur Mosaïste');
    await expectUserFacing(createProjet(user, parse(input({ certificationId: cap.id }))), PROJET_MESSAGES.projetsTrop);
    expect(await db.projet.count({ where: { candidatId: user.id } })).toBe(PROJETS_MAX);
  });

  it('the whole region empties the list of départements', async () => {
    const user = await candidat();
    const cap = await certification('CAP - Carreleur Mosaïste');
    const { numero } = await createProjet(user, parse(input({ certificationId: cap.id, zoneRegion: true, departements: ['33'] })));
    expect(await db.projet.findUniqueOrThrow({ where: { numero } })).toMatchObject({ zoneRegion: true, departements: [] });
  });
});

describe('projetSchema', () => {
  it('reports a missing zone together with the other errors, in French', () => {
    const result = projetSchema.safeParse(input({ appellationCode: '', types: [], certificationId: '', dureeAnnees: '' as ProjetInput['dureeAnnees'], departements: [] }));
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      appellationCode: PROJET_MESSAGES.metier,
      types: PROJET_MESSAGES.types,
      certificationId: PROJET_MESSAGES.diplome,
      dureeAnnees: PROJET_MESSAGES.duree,
      departements: PROJET_MESSAGES.zone,
    });
  });

  it('refuses a département outside Nouvelle-Aquitaine and a wrong year', () => {
    const result = projetSchema.safeParse(
      input({ certificationId: 'x', departements: ['75'], formations: [{ intitule: 'Bac', statut: 'VALIDE', annee: '1900' }] }),
    );
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({ 'departements.0': PROJET_MESSAGES.departement, 'formations.0.annee': PROJET_MESSAGES.formationAnnee });
  });
});

describe('updateProjet / deleteProjet / getMyProjet: scoped to the owner', () => {
  it('another candidate’s project is unknown: null, refused, unchanged', async () => {
    const owner = await candidat();
    const other = await candidat();
    const cap = await certification('CAP - Carreleur Mosaïste');
    const { numero } = await createProjet(owner, parse(input({ certificationId: cap.id })));
    const before = await db.projet.findUniqueOrThrow({ where: { numero } });

    expect(await getMyProjet(other, numero)).toBeNull();
    expect(await listMyProjets(other)).toEqual([]);
    await expectUserFacing(updateProjet(other, numero, parse(input({ certificationId: cap.id, appellationCode: COUVREUR.appellationCode }))), PROJET_MESSAGES.introuvable);
    await expectUserFacing(deleteProjet(other, numero), PROJET_MESSAGES.introuvable);
    await expectUserFacing(updateProjet(owner, 2_000_000_000, parse(input({ certificationId: cap.id }))), PROJET_MESSAGES.introuvable);

    expect(await db.projet.findUniqueOrThrow({ where: { numero } })).toEqual(before);
    expect(await db.auditLog.count({ where: { entityId: before.id, actorId: other.id } })).toBe(0);
    expect((await getMyProjet(owner, numero))?.numero).toBe(numero);
    expect((await listMyProjets(owner)).map((p) => p.numero)).toEqual([numero]);
  });

  it('replaces formations and expériences, re-reads the referentials, and gives the form its values back', async () => {
    const user = await candidat();
    const cap = await certification('CAP - Carreleur Mosaïste');
    const bp = await certification('BP - Carreleur mosaiste');
    const { numero } = await createProjet(
      user,
      parse(
        input({
          certificationId: cap.id,
          formations: [
            { intitule: 'Formation A', statut: 'VALIDE', annee: '2020' },
            { intitule: 'Formation B', statut: 'EN_COURS', annee: '' },
          ],
          experiences: [{ type: 'EMPLOI', intitule: 'Expérience A', dureeSemaines: '', dureeJours: '', entreprise: '', missions: '' }],
        }),
      ),
    );
    await updateProjet(
      user,
      numero,
      parse(
        input({
          appellationCode: COUVREUR.appellationCode,
          metier: 'ignoré',
          certificationId: bp.id,
          diplomeIntitule: 'ignoré',
          types: ['STAGE_PRO'],
          dureeAnnees: '3',
          zoneRegion: true,
          formations: [{ intitule: 'Formation C', statut: 'NON_VALIDE', annee: '2019' }],
          experiences: [
            { type: 'BENEVOLAT', intitule: 'Expérience B', entreprise: 'Association', dureeSemaines: '10', dureeJours: '', missions: 'Accueil' },
            { type: 'JOB_ETUDIANT', intitule: 'Expérience C', entreprise: '', dureeSemaines: '', dureeJours: '2', missions: '' },
          ],
          visible: false,
        }),
      ),
    );
    const detail = await getMyProjet(user, numero);
    expect(detail).toMatchObject({
      appellationCode: COUVREUR.appellationCode,
      romeCode: COUVREUR.romeCode,
      metier: COUVREUR.metier,
      types: ['STAGE_PRO'],
      certificationId: bp.id,
      diplomeIntitule: bp.intitule,
      niveau: bp.niveau,
      dureeAnnees: 3,
      zoneRegion: true,
      departements: [],
      visible: false,
      formations: [{ intitule: 'Formation C', statut: 'NON_VALIDE', annee: 2019 }],
      experiences: [
        { type: 'BENEVOLAT', intitule: 'Expérience B', entreprise: 'Association', dureeSemaines: 10, dureeJours: null, missions: 'Accueil' },
        { type: 'JOB_ETUDIANT', intitule: 'Expérience C', entreprise: null, dureeSemaines: null, dureeJours: 2, missions: null },
      ],
    });
    // the old rows are gone, not only hidden
    expect(await db.projetFormation.count({ where: { projetId: detail!.id } })).toBe(1);
    expect(await db.projetExperience.count({ where: { projetId: detail!.id } })).toBe(2);

    const values = projetFormValues(detail!);
    expect(values).toMatchObject({
      appellationCode: COUVREUR.appellationCode,
      metier: COUVREUR.metier,
      certificationId: bp.id,
      dureeAnnees: '3',
      formations: [{ intitule: 'Formation C', statut: 'NON_VALIDE', annee: '2019' }],
      experiences: [{ dureeSemaines: '10', dureeJours: '' }, { entreprise: '', dureeSemaines: '', dureeJours: '2', missions: '' }],
    });
    // the form's values go through the schema again unchanged
    expect(projetSchema.safeParse(values).success).toBe(true);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: detail!.id, action: 'projet.modification' } });
    expect(audit).toMatchObject({ actorId: user.id, before: { visible: true }, after: { visible: false } });
  });

  it('withdrawing consent removes the project from the structures’ alerts at once', async () => {
    const user = await candidat();
    const cap = await certification('CAP - Carreleur Mosaïste');
    const { numero } = await createProjet(user, parse(input({ certificationId: cap.id })));
    const projet = await db.projet.findUniqueOrThrow({ where: { numero } });
    const structure = await createStructure(db, { raisonSociale: `CFA alertes ${numero}` });
    const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE');
    const employeur = await createEmployeur(db, { raisonSociale: 'Carrelages des alertes' });
    await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
    const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: acteur.id });
    const other = await createProjetRow(db, { candidatId: (await candidat()).id });
    await db.alerte.createMany({
      data: [
        { structureId: structure.id, offreId: offre.id, projetId: projet.id, score: 80, raisons: ['Même métier'] },
        { structureId: structure.id, offreId: offre.id, projetId: other.id, score: 70, raisons: ['Même métier'] },
      ],
    });

    // still visible: the alert stays (with the others this project matches in the shared test database)
    await updateProjet(user, numero, parse(input({ certificationId: cap.id, visible: true })));
    expect(await db.alerte.count({ where: { projetId: projet.id, offreId: offre.id } })).toBe(1);

    await updateProjet(user, numero, parse(input({ certificationId: cap.id, visible: false })));
    expect(await db.alerte.count({ where: { projetId: projet.id } })).toBe(0);
    expect(await db.alerte.count({ where: { projetId: other.id } })).toBe(1);
    expect((await db.projet.findUniqueOrThrow({ where: { numero } })).visible).toBe(false);
  });

  it('deletes the owner’s project; applications keep their snapshot; audit row', async () => {
    const user = await candidat();
    const cap = await certification('CAP - Carreleur Mosaïste');
    const { numero } = await createProjet(user, parse(input({ certificationId: cap.id })));
    const projet = await db.projet.findUniqueOrThrow({ where: { numero } });
    const structure = await createStructure(db, { raisonSociale: `CFA suppression ${numero}` });
    const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE');
    const employeur = await createEmployeur(db, { raisonSociale: 'Toitures de la suppression' });
    await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
    const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: acteur.id });
    const candidature = await createCandidature(db, { offreId: offre.id, candidatId: user.id, projetId: projet.id });

    await deleteProjet(user, numero, '10.9.8.7');
    expect(await db.projet.findUnique({ where: { numero } })).toBeNull();
    const kept = await db.candidature.findUniqueOrThrow({ where: { id: candidature.id } });
    expect(kept.projetId).toBeNull();
    expect(kept.projetSnapshot).toMatchObject({ numero, metier: CARRELEUR.metier });
    expect(await db.auditLog.findFirst({ where: { entityId: projet.id, action: 'projet.suppression', actorId: user.id } })).toMatchObject({
      after: { numero },
      ip: '10.9.8.7',
    });
    await expectUserFacing(deleteProjet(user, numero), PROJET_MESSAGES.introuvable);
  });
});

describe('projetSnapshot', () => {
  it('is the project as the structure sees it in an application', async () => {
    const user = await candidat();
    const cap = await certification('CAP - Carreleur Mosaïste');
    const { numero } = await createProjet(
      user,
      parse(
        input({
          certificationId: cap.id,
          dureeAnnees: '1',
          formations: [{ intitule: 'Bac pro commerce', statut: 'VALIDE', annee: '2022' }],
          experiences: [{ type: 'STAGE', intitule: 'Commerciale', entreprise: 'Demeures de la côte', dureeSemaines: '3', dureeJours: '5', missions: 'Rendez-vous clients' }],
        }),
      ),
    );
    const projet = await db.projet.findUniqueOrThrow({ where: { numero } });
    const snapshot = await db.$transaction((tx) => projetSnapshot(tx, projet.id));
    expect(snapshot).toEqual({
      numero,
      metier: CARRELEUR.metier,
      romeCode: CARRELEUR.romeCode,
      appellationCode: CARRELEUR.appellationCode,
      types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
      diplomeIntitule: cap.intitule,
      niveau: cap.niveau,
      dureeAnnees: 1,
      zoneRegion: false,
      departements: ['33', '40'],
      formations: [{ intitule: 'Bac pro commerce', statut: 'VALIDE', annee: 2022 }],
      experiences: [{ type: 'STAGE', intitule: 'Commerciale', entreprise: 'Demeures de la côte', dureeSemaines: 3, dureeJours: 5, missions: 'Rendez-vous clients' }],
    });
    // nothing about the candidate himself (name, contact) nor the consent flag
    expect(JSON.stringify(snapshot)).not.toContain(user.id);
    expect(snapshot).not.toHaveProperty('visible');
  });
});

describe('countMyCandidaturesByStatus', () => {
  it('counts only the candidate’s own applications, by status', async () => {
    const user = await candidat();
    const other = await candidat();
    const structure = await createStructure(db, { raisonSociale: `CFA compteurs ${user.id.slice(-6)}` });
    const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE');
    const employeur = await createEmployeur(db, { raisonSociale: 'Carrelages des compteurs' });
    await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
    const projet = await createProjetRow(db, { candidatId: user.id });
    const projetAutre = await createProjetRow(db, { candidatId: other.id });
    const statuses = ['A_TRAITER', 'A_TRAITER', 'ACCEPTEE', 'REFUSEE'] as const;
    for (const status of statuses) {
      const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: acteur.id });
      await createCandidature(db, { offreId: offre.id, candidatId: user.id, projetId: projet.id, status, answeredById: acteur.id });
      await createCandidature(db, { offreId: offre.id, candidatId: other.id, projetId: projetAutre.id });
    }
    expect(await countMyCandidaturesByStatus(user)).toEqual({ A_TRAITER: 2, ACCEPTEE: 1, REFUSEE: 1 });
    expect(await countMyCandidaturesByStatus(await candidat())).toEqual({ A_TRAITER: 0, ACCEPTEE: 0, REFUSEE: 0 });
  });
});
