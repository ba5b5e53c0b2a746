import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import { answerCandidature } from '@/lib/data/candidatures';
import {
  CANDIDATURES_RECUES_PAGE_SIZE,
  countCandidaturesRecues,
  getCandidatureRecue,
  listCandidaturesRecues,
  listOffresAvecCandidatures,
} from '@/lib/data/candidatures-recues';
import { deleteMyAccount } from '@/lib/data/rgpd';
import { db } from '@/lib/db';
import {
  CARRELEUR,
  COUVREUR,
  DEMO_PASSWORD,
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
 * lib/data/candidatures-recues.ts against a real PostgreSQL: « Candidatures » of « Mon espace ».
 * The counts of the three tabs add up to the total, each tab lists its own applications (newest
 * first, 20 a page), the filter by offer, the detail read from the snapshots; every member of the
 * structure shares the inbox and nothing of another structure is reachable; an anonymised
 * application stays without its profile; no contact detail of the candidate is ever returned
 * (the 50 simultaneous answers are in concurrence.test.ts).
 */

afterAll(async () => {
  await db.$disconnect();
});

const tag = () => randomUUID().slice(0, 6);
const asStaff = async (id: string) => (await currentUserOf(db, id)) as StaffUser;

/** A structure with a gestionnaire and a utilisateur, a validated employer, two offers « En cours » and a third without applications. */
async function world() {
  const t = tag();
  const structure = await createStructure(db, { raisonSociale: `CFA Reçues ${t}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('recues-g'), prenom: 'Gaëlle', nom: 'Gestion' });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('recues-u'), prenom: 'Ulysse', nom: 'Usager' });
  const employeur = await createEmployeur(db, { raisonSociale: `Toitures ${t}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const couvreur = await createOffre(db, {
    structureId: structure.id,
    employeurId: employeur.id,
    metier: COUVREUR,
    types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
    commune: 'Pauillac',
    codePostal: '33250',
    communeInsee: '33314',
    dateEmbauche: new Date('2027-09-13'),
    diplomes: [
      { intitule: 'CAP couvreur', niveau: 3 },
      { intitule: 'Couvreur-zingueur (BM)', niveau: 5 },
    ],
  });
  const carreleur = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, metier: CARRELEUR });
  const sansCandidature = await createOffre(db, { structureId: structure.id, employeurId: employeur.id });
  return {
    structure,
    gestionnaire: await asStaff(gestionnaire.id),
    utilisateur: await asStaff(utilisateur.id),
    employeur,
    couvreur,
    carreleur,
    sansCandidature,
  };
}

/** A candidate with contact details that must never reach the staff, and one project. */
async function candidat(opts: { prenom?: string } = {}) {
  const user = await createUser(db, {
    role: 'CANDIDAT',
    email: uniqueEmail('recues-c'),
    prenom: opts.prenom ?? `Zéphyrine${tag()}`,
    nom: `Secret${tag()}`,
    telephone: '0611223344',
  });
  const projet = await createProjet(db, {
    candidatId: user.id,
    metier: COUVREUR,
    types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
    diplomeIntitule: 'CAP couvreur',
    niveau: 3,
    dureeAnnees: 1,
    zoneRegion: true,
    departements: [],
    formations: [{ intitule: 'Diplôme national du brevet', statut: 'VALIDE', annee: 2024 }],
    experiences: [{ type: 'STAGE', intitule: 'Stage de découverte', entreprise: 'Toitures Test', dureeSemaines: 3, dureeJours: 5, missions: 'Pose de tuiles' }],
  });
  return { user, projet };
}

/** An application at a given time (minutes ago), optionally answered. */
async function apply(
  offreId: string,
  c: Awaited<ReturnType<typeof candidat>>,
  opts: { minutesAgo?: number; status?: 'A_TRAITER' | 'ACCEPTEE' | 'REFUSEE'; answeredById?: string; message?: string } = {},
) {
  const row = await createCandidature(db, {
    offreId,
    candidatId: c.user.id,
    projetId: c.projet.id,
    status: opts.status,
    answeredById: opts.answeredById,
    message: opts.message,
  });
  if (opts.minutesAgo !== undefined) {
    await db.candidature.update({ where: { id: row.id }, data: { createdAt: new Date(Date.now() - opts.minutesAgo * 60_000) } });
  }
  return row;
}

/** A world with 6 applications: 3 « À traiter » (2 to the couvreur offer), 2 « Acceptées », 1 « Refusée »; and another structure's. */
async function inbox() {
  const w = await world();
  const cs = await Promise.all([1, 2, 3, 4, 5, 6].map(() => candidat()));
  const a1 = await apply(w.couvreur.id, cs[0]!, { minutesAgo: 60 });
  const a2 = await apply(w.couvreur.id, cs[1]!, { minutesAgo: 10 });
  const a3 = await apply(w.carreleur.id, cs[2]!, { minutesAgo: 30 });
  const acc1 = await apply(w.couvreur.id, cs[3]!, { status: 'ACCEPTEE', answeredById: w.gestionnaire.id, minutesAgo: 50 });
  const acc2 = await apply(w.carreleur.id, cs[4]!, { status: 'ACCEPTEE', answeredById: w.utilisateur.id, minutesAgo: 5 });
  const ref1 = await apply(w.carreleur.id, cs[5]!, { status: 'REFUSEE', answeredById: w.utilisateur.id });

  const autre = await world();
  const intrus = await apply(autre.couvreur.id, cs[0]!);
  return { ...w, cs, a1, a2, a3, acc1, acc2, ref1, autre, intrus };
}

describe('countCandidaturesRecues, listCandidaturesRecues', () => {
  it('the three tabs add up to the total; each lists its own applications, newest first; both members share the inbox', async () => {
    const x = await inbox();
    for (const member of [x.gestionnaire, x.utilisateur]) {
      const counts = await countCandidaturesRecues(member);
      expect(counts).toEqual({ total: 6, A_TRAITER: 3, ACCEPTEE: 2, REFUSEE: 1 });
      expect(counts.A_TRAITER + counts.ACCEPTEE + counts.REFUSEE).toBe(counts.total);

      const aTraiter = await listCandidaturesRecues(member, { status: 'A_TRAITER' }, 1);
      expect(aTraiter).toMatchObject({ total: 3, page: 1, pageCount: 1 });
      expect(aTraiter.items.map((i) => i.numero)).toEqual([x.a2.numero, x.a3.numero, x.a1.numero]);
      expect((await listCandidaturesRecues(member, { status: 'ACCEPTEE' }, 1)).items.map((i) => i.numero)).toEqual([x.acc2.numero, x.acc1.numero]);
      expect((await listCandidaturesRecues(member, { status: 'REFUSEE' }, 1)).items.map((i) => i.numero)).toEqual([x.ref1.numero]);
    }
    // the other structure sees only its own
    expect(await countCandidaturesRecues(x.autre.gestionnaire)).toEqual({ total: 1, A_TRAITER: 1, ACCEPTEE: 0, REFUSEE: 0 });
    expect((await listCandidaturesRecues(x.autre.gestionnaire, { status: 'A_TRAITER' }, 1)).items.map((i) => i.numero)).toEqual([x.intrus.numero]);
  });

  it('a card holds the PROFIL and OFFRE numbers, the offer métier and the project as sent (types, durée, zone, diplôme)', async () => {
    const x = await inbox();
    const [card] = (await listCandidaturesRecues(x.gestionnaire, { status: 'A_TRAITER' }, 1)).items;
    expect(card).toEqual({
      numero: x.a2.numero,
      createdAt: expect.any(Date),
      status: 'A_TRAITER',
      profilNumero: x.cs[1]!.user.numero,
      anonymise: false,
      offre: { numero: x.couvreur.numero, metier: COUVREUR.metier },
      projet: {
        metier: COUVREUR.metier,
        types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
        dureeAnnees: 1,
        zoneRegion: true,
        departements: [],
        diplomeIntitule: 'CAP couvreur',
        niveau: 3,
      },
    });
    // what was sent stays, whatever the project and the offer became
    await db.projet.update({ where: { id: x.cs[1]!.projet.id }, data: { dureeAnnees: 3, diplomeIntitule: 'Autre' } });
    await db.offre.update({ where: { id: x.couvreur.id }, data: { metier: 'Métier changé' } });
    const again = (await listCandidaturesRecues(x.gestionnaire, { status: 'A_TRAITER' }, 1)).items[0]!;
    expect(again.projet).toMatchObject({ dureeAnnees: 1, diplomeIntitule: 'CAP couvreur' });
    expect(again.offre.metier).toBe(COUVREUR.metier);
  });

  it('filters by one offer of the structure; another structure’s offer filters to nothing', async () => {
    const x = await inbox();
    expect(await countCandidaturesRecues(x.gestionnaire, x.couvreur.numero)).toEqual({ total: 3, A_TRAITER: 2, ACCEPTEE: 1, REFUSEE: 0 });
    expect(await countCandidaturesRecues(x.gestionnaire, x.carreleur.numero)).toEqual({ total: 3, A_TRAITER: 1, ACCEPTEE: 1, REFUSEE: 1 });
    const couvreur = await listCandidaturesRecues(x.gestionnaire, { status: 'A_TRAITER', offreNumero: x.couvreur.numero }, 1);
    expect(couvreur.items.map((i) => i.numero)).toEqual([x.a2.numero, x.a1.numero]);
    expect(couvreur.items.every((i) => i.offre.numero === x.couvreur.numero)).toBe(true);

    expect(await countCandidaturesRecues(x.gestionnaire, x.autre.couvreur.numero)).toEqual({ total: 0, A_TRAITER: 0, ACCEPTEE: 0, REFUSEE: 0 });
    expect(await listCandidaturesRecues(x.gestionnaire, { status: 'A_TRAITER', offreNumero: x.autre.couvreur.numero }, 1)).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageCount: 0,
    });

    // « Filtrer par offre » lists the structure's offers that received applications, with their counts
    expect(await listOffresAvecCandidatures(x.utilisateur)).toEqual([
      { numero: x.carreleur.numero, metier: CARRELEUR.metier, candidatures: 3 },
      { numero: x.couvreur.numero, metier: COUVREUR.metier, candidatures: 3 },
    ]);
    expect(await listOffresAvecCandidatures(x.autre.gestionnaire)).toEqual([{ numero: x.autre.couvreur.numero, metier: COUVREUR.metier, candidatures: 1 }]);
  });

  it(`pages by ${CANDIDATURES_RECUES_PAGE_SIZE}, newest first`, async () => {
    const w = await world();
    const c = await candidat();
    for (let i = 0; i < CANDIDATURES_RECUES_PAGE_SIZE + 5; i++) {
      const offre = await createOffre(db, { structureId: w.structure.id, employeurId: w.employeur.id });
      await apply(offre.id, c, { minutesAgo: i });
    }
    const p1 = await listCandidaturesRecues(w.gestionnaire, { status: 'A_TRAITER' }, 1);
    const p2 = await listCandidaturesRecues(w.gestionnaire, { status: 'A_TRAITER' }, 2);
    expect(p1).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(p1.items).toHaveLength(20);
    expect(p2.items).toHaveLength(5);
    const dates = [...p1.items, ...p2.items].map((i) => i.createdAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(new Set([...p1.items, ...p2.items].map((i) => i.numero)).size).toBe(25);
  });
});

describe('getCandidatureRecue', () => {
  it('the offer and the profile as sent, the message and the CV; null for another structure or an unknown number', async () => {
    const w = await world();
    const c = await candidat();
    const doc = await db.document.create({
      data: { ownerId: c.user.id, filename: 'CV Zéphyrine.pdf', storageKey: `cv/${randomUUID()}.pdf`, size: 513_784, mimeType: 'application/pdf', sha256: 'c'.repeat(64) },
    });
    const row = await apply(w.couvreur.id, c, { message: 'Bonjour,\nje suis disponible.' });
    await db.candidature.update({ where: { id: row.id }, data: { documentId: doc.id, cvNom: doc.filename, cvTaille: doc.size } });

    const detail = await getCandidatureRecue(w.utilisateur, row.numero);
    expect(detail).toMatchObject({
      numero: row.numero,
      status: 'A_TRAITER',
      profilNumero: c.user.numero,
      anonymise: false,
      message: 'Bonjour,\nje suis disponible.',
      cv: { nom: 'CV Zéphyrine.pdf', taille: 513_784 },
      offre: {
        numero: w.couvreur.numero,
        metier: COUVREUR.metier,
        commune: 'Pauillac',
        codePostal: '33250',
        dateEmbauche: '2027-09-13',
        types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
        status: 'EN_COURS',
        diplomes: [
          { intitule: 'CAP couvreur', niveau: 3 },
          { intitule: 'Couvreur-zingueur (BM)', niveau: 5 },
        ],
      },
      projet: {
        numero: c.projet.numero,
        metier: COUVREUR.metier,
        dureeAnnees: 1,
        zoneRegion: true,
        diplomeIntitule: 'CAP couvreur',
        niveau: 3,
        formations: [{ intitule: 'Diplôme national du brevet', statut: 'VALIDE', annee: 2024 }],
        experiences: [{ type: 'STAGE', intitule: 'Stage de découverte', entreprise: 'Toitures Test', dureeSemaines: 3, dureeJours: 5 }],
      },
      reponse: null,
    });
    expect(detail!.offre.publishedAt).toEqual(expect.any(String));

    const autre = await world();
    expect(await getCandidatureRecue(autre.gestionnaire, row.numero)).toBeNull();
    expect(await getCandidatureRecue(w.gestionnaire, 2_000_000_000)).toBeNull();

    // answered: which answer, its message, when and by whom (first and last name)
    await answerCandidature(w.utilisateur, row.numero, { type: 'ENTRETIEN', message: 'Entretien mardi. Contact : 05 56 00 00 00' });
    const answered = await getCandidatureRecue(w.gestionnaire, row.numero);
    expect(answered).toMatchObject({
      status: 'ACCEPTEE',
      reponse: { type: 'ENTRETIEN', message: 'Entretien mardi. Contact : 05 56 00 00 00', answeredAt: expect.any(Date), par: { prenom: 'Ulysse', nom: 'Usager' }, parMoi: false },
    });
    expect((await getCandidatureRecue(w.utilisateur, row.numero))!.reponse!.parMoi).toBe(true);
    expect(await countCandidaturesRecues(w.gestionnaire)).toEqual({ total: 1, A_TRAITER: 0, ACCEPTEE: 1, REFUSEE: 0 });
  });

  it('never returns a contact detail or the name of the candidate', async () => {
    const x = await inbox();
    await db.candidature.update({ where: { id: x.a1.id }, data: { message: 'Bonjour' } });
    const returned = JSON.stringify([
      await countCandidaturesRecues(x.gestionnaire),
      ...(await Promise.all((['A_TRAITER', 'ACCEPTEE', 'REFUSEE'] as const).map((status) => listCandidaturesRecues(x.gestionnaire, { status }, 1)))),
      await listOffresAvecCandidatures(x.gestionnaire),
      ...(await Promise.all([x.a1, x.a2, x.a3, x.acc1, x.acc2, x.ref1].map((a) => getCandidatureRecue(x.gestionnaire, a.numero)))),
    ]);
    for (const c of x.cs) {
      expect(returned).not.toContain(c.user.email);
      expect(returned).not.toContain(c.user.prenom);
      expect(returned).not.toContain(c.user.nom);
      expect(returned).not.toContain(c.user.id);
    }
    expect(returned).not.toContain('0611223344');
    expect(returned).not.toMatch(/"(email|telephone|passwordHash|candidatId|documentId)"/);
  });

  it('an application whose candidate deleted his account stays, counted, without its profile', async () => {
    const w = await world();
    const c = await candidat();
    const row = await apply(w.couvreur.id, c, { message: 'Message privé' });
    await deleteMyAccount(await currentUserOf(db, c.user.id), DEMO_PASSWORD);

    expect(await countCandidaturesRecues(w.gestionnaire)).toEqual({ total: 1, A_TRAITER: 1, ACCEPTEE: 0, REFUSEE: 0 });
    const [card] = (await listCandidaturesRecues(w.gestionnaire, { status: 'A_TRAITER' }, 1)).items;
    expect(card).toMatchObject({ numero: row.numero, profilNumero: null, anonymise: true, offre: { numero: w.couvreur.numero } });
    // what statistics need stays (métier, types, durée, zone); nothing that identifies him
    expect(card!.projet).toMatchObject({ metier: COUVREUR.metier, types: ['APPRENTISSAGE', 'CONTRAT_PRO'], dureeAnnees: 1, diplomeIntitule: null });

    const detail = await getCandidatureRecue(w.gestionnaire, row.numero);
    expect(detail).toMatchObject({ profilNumero: null, anonymise: true, message: null, cv: null, projet: { numero: null, formations: [], experiences: [] } });
    expect(JSON.stringify(detail)).not.toContain(String(c.user.numero).padStart(10, '0'));

    // it can still be answered (to file it); nobody is notified
    await answerCandidature(w.gestionnaire, row.numero, { type: 'REFUS', message: 'Classée.' });
    expect(await countCandidaturesRecues(w.gestionnaire)).toEqual({ total: 1, A_TRAITER: 0, ACCEPTEE: 0, REFUSEE: 1 });
  });
});

