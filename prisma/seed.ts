/**
 * Demo data (idempotent): referentials, the five demo accounts of the README, and a few
 * employers, offers, projects and applications so every page has something real to show.
 */
import { withLuhnCheckDigit } from '@/lib/entreprises/siret';
import type { DbClient } from '@/lib/prisma-client';
import { importCurated } from '@/lib/referentiels/import';
import { refreshAlertesForOffre } from '@/lib/alertes/refresh';
import {
  CARRELEUR,
  COUVREUR,
  TECHNICO_COMMERCIAL,
  addMember,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
} from '@/tests/factories';

export const DEMO_ACCOUNTS = {
  admin: 'admin@cmonalternance.test',
  gestionnaire: 'gestionnaire@cfa-batiment-gironde.test',
  utilisateur: 'utilisateur@cfa-batiment-gironde.test',
  gestionnairePau: 'gestionnaire@mission-locale-pau.test',
  candidat: 'candidat@exemple.test',
} as const;

/** Fictional but checksum-valid SIRETs. */
export const DEMO_SIRETS = {
  cfa: withLuhnCheckDigit('9000123450001'),
  pau: withLuhnCheckDigit('9000678900001'),
};

export async function seedDemo(db: DbClient, log: (line: string) => void = () => {}): Promise<'created' | 'present'> {
  await importCurated(db);
  log('référentiels : à jour');

  if (await db.user.findUnique({ where: { email: DEMO_ACCOUNTS.admin }, select: { id: true } })) {
    log('données de démonstration : déjà présentes');
    return 'present';
  }

  await createUser(db, { role: 'ADMIN', email: DEMO_ACCOUNTS.admin, prenom: 'Alice', nom: 'Admin' });

  const cfa = await createStructure(db, {
    siret: DEMO_SIRETS.cfa,
    raisonSociale: 'CFA du Bâtiment de la Gironde',
    sigle: 'CFA BTP 33',
    type: 'CFA',
    codeNaf: '85.32Z',
    domaineActivite: 'P',
    adresse: '10 rue Lucien Faure',
    codePostal: '33300',
    communeInsee: '33063',
    commune: 'Bordeaux',
    departementCode: '33',
    email: 'contact@cfa-batiment-gironde.test',
    telephone: '0556000000',
    accueilStagiaires3e: true,
    accueilStagiaires2de: true,
  });
  const pau = await createStructure(db, {
    siret: DEMO_SIRETS.pau,
    raisonSociale: 'Mission locale Pau Pyrénées',
    type: 'MISSION_LOCALE',
    codeNaf: '88.99B',
    domaineActivite: 'Q',
    adresse: '4 rue Henri Faisans',
    codePostal: '64000',
    communeInsee: '64445',
    commune: 'Pau',
    departementCode: '64',
    email: 'contact@mission-locale-pau.test',
    telephone: '0559000000',
    accueilStagiaires3e: true,
  });

  const gestionnaire = await createUser(db, { role: 'ACTEUR', email: DEMO_ACCOUNTS.gestionnaire, prenom: 'Gérard', nom: 'Gestion', telephone: '0556000001' });
  await addMember(db, gestionnaire.id, cfa.id, 'GESTIONNAIRE');
  const utilisateur = await createUser(db, { role: 'ACTEUR', email: DEMO_ACCOUNTS.utilisateur, prenom: 'Ursule', nom: 'Utile' });
  await addMember(db, utilisateur.id, cfa.id, 'UTILISATEUR');
  const gestionnairePau = await createUser(db, { role: 'ACTEUR', email: DEMO_ACCOUNTS.gestionnairePau, prenom: 'Paul', nom: 'Béarn' });
  await addMember(db, gestionnairePau.id, pau.id, 'GESTIONNAIRE');

  const carrelages = await createEmployeur(db, {
    raisonSociale: 'Carrelages Aquitains',
    email: 'recrutement@carrelages-aquitains.test',
    telephone: '0556111111',
    codeNaf: '43.33Z',
    domaineActivite: 'F',
    adresse: '12 avenue Thiers',
    codePostal: '33100',
    ville: 'Bordeaux',
    communeInsee: '33063',
    departementCode: '33',
  });
  const toitures = await createEmployeur(db, {
    raisonSociale: 'Toitures du Médoc',
    email: 'contact@toitures-medoc.test',
    codeNaf: '43.91B',
    domaineActivite: 'F',
    codePostal: '33250',
    ville: 'Pauillac',
    communeInsee: '33314',
    departementCode: '33',
  });
  const negoce = await createEmployeur(db, {
    raisonSociale: 'Négoce Matériaux Sud-Ouest',
    codeNaf: '46.73A',
    domaineActivite: 'G',
    codePostal: '33700',
    ville: 'Mérignac',
    communeInsee: '33281',
    departementCode: '33',
  });
  const fournil = await createEmployeur(db, { raisonSociale: 'Boulangerie Le Fournil', codeNaf: '10.71C', domaineActivite: 'C', ville: 'Pau', codePostal: '64000', communeInsee: '64445', departementCode: '64' });
  const douteux = await createEmployeur(db, { raisonSociale: 'Services Express', codeNaf: '82.99Z', domaineActivite: 'N' });

  await linkEmployeur(db, { structureId: cfa.id, employeurId: carrelages.id, requestedById: gestionnaire.id });
  await linkEmployeur(db, { structureId: cfa.id, employeurId: toitures.id, requestedById: gestionnaire.id });
  await linkEmployeur(db, { structureId: cfa.id, employeurId: negoce.id, status: 'EN_ATTENTE', requestedById: utilisateur.id });
  await linkEmployeur(db, { structureId: cfa.id, employeurId: douteux.id, status: 'REFUSE', motifRefus: "L'établissement est fermé au répertoire SIRENE.", requestedById: gestionnaire.id });
  await linkEmployeur(db, { structureId: pau.id, employeurId: fournil.id, requestedById: gestionnairePau.id });

  const offreCarreleur = await createOffre(db, { structureId: cfa.id, employeurId: carrelages.id, referentId: gestionnaire.id, metier: CARRELEUR, types: ['APPRENTISSAGE'] });
  const offreCouvreur = await createOffre(db, {
    structureId: cfa.id,
    employeurId: toitures.id,
    referentId: utilisateur.id,
    metier: COUVREUR,
    types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
    description: 'Couverture en tuiles et ardoises, zinguerie, sur des chantiers du Médoc.',
    commune: 'Pauillac',
    communeInsee: '33314',
    codePostal: '33250',
    diplomes: [
      { intitule: 'CAP couvreur', niveau: 3 },
      { intitule: 'Couvreur-zingueur (BM)', niveau: 5 },
    ],
  });
  await createOffre(db, {
    structureId: cfa.id,
    employeurId: toitures.id,
    referentId: gestionnaire.id,
    metier: TECHNICO_COMMERCIAL,
    types: ['CONTRAT_PRO'],
    description: 'Développement du portefeuille de clients professionnels du bâtiment.',
    diplomes: [{ intitule: 'Titre professionnel négociateur technico-commercial', niveau: 5 }],
  });
  await createOffre(db, { structureId: cfa.id, employeurId: carrelages.id, referentId: gestionnaire.id, status: 'POURVUE' });
  await createOffre(db, { structureId: cfa.id, employeurId: carrelages.id, referentId: gestionnaire.id, status: 'ARCHIVEE', publishedAt: new Date(Date.now() - 200 * 86400_000) });
  await createOffre(db, {
    structureId: pau.id,
    employeurId: fournil.id,
    referentId: gestionnairePau.id,
    metier: { appellationCode: '11573', romeCode: 'D1102', metier: 'Boulanger / Boulangère' },
    commune: 'Pau',
    communeInsee: '64445',
    codePostal: '64000',
    departementCode: '64',
    diplomes: [{ intitule: 'CAP boulanger', niveau: 3 }],
  });

  // the projects' diplômes come from the referential, as the form « Mes projets » sets them
  const diplome = async (recherche: string, fallback: { diplomeIntitule: string; niveau: number }) => {
    const c = await db.certification.findFirst({ where: { intituleRecherche: recherche }, orderBy: { id: 'asc' }, select: { id: true, intitule: true, niveau: true } });
    return c ? { certificationId: c.id, diplomeIntitule: c.intitule, niveau: c.niveau ?? fallback.niveau } : fallback;
  };
  const capCarreleur = await diplome('cap - carreleur mosaiste', { diplomeIntitule: 'CAP carreleur mosaïste', niveau: 3 });
  const tpTechnico = await diplome('tp - tp negociateur technico-commercial', { diplomeIntitule: 'Titre professionnel négociateur technico-commercial', niveau: 5 });
  const capCouvreur = await diplome('cap - couvreur', { diplomeIntitule: 'CAP couvreur', niveau: 3 });

  const candidat = await createUser(db, { role: 'CANDIDAT', email: DEMO_ACCOUNTS.candidat, prenom: 'Léa', nom: 'Candidate', telephone: '0600000000' });
  const projetCarreleur = await createProjet(db, {
    candidatId: candidat.id,
    metier: CARRELEUR,
    types: ['APPRENTISSAGE'],
    ...capCarreleur,
    departements: ['33'],
    formations: [{ intitule: 'Diplôme national du brevet', statut: 'VALIDE', annee: 2025 }],
    experiences: [{ type: 'STAGE', intitule: 'Stage de découverte', entreprise: 'Carrelages Aquitains', dureeSemaines: 1, dureeJours: 5, missions: 'Préparation des supports, découpe, jointoiement' }],
  });
  const candidat2 = await createUser(db, { role: 'CANDIDAT', email: 'theo.candidat@exemple.test', prenom: 'Théo', nom: 'Durand' });
  const projetTechnico = await createProjet(db, {
    candidatId: candidat2.id,
    metier: TECHNICO_COMMERCIAL,
    types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
    ...tpTechnico,
    dureeAnnees: 1,
    zoneRegion: true,
    departements: [],
    formations: [{ intitule: 'Bac pro métiers du commerce et de la vente', statut: 'VALIDE', annee: 2022 }],
  });
  const projetCouvreur = await createProjet(db, { candidatId: candidat2.id, metier: COUVREUR, types: ['APPRENTISSAGE'], ...capCouvreur });
  await createProjet(db, { candidatId: candidat2.id, metier: CARRELEUR, ...capCarreleur, visible: false });

  await createCandidature(db, { offreId: offreCarreleur.id, candidatId: candidat.id, projetId: projetCarreleur.id, message: 'Bonjour, je suis très motivée par le métier de carreleuse.' });
  await createCandidature(db, { offreId: offreCouvreur.id, candidatId: candidat2.id, projetId: projetCouvreur.id, status: 'ACCEPTEE', answeredById: gestionnaire.id, reponseMessage: 'Nous vous proposons un entretien. Contact : recrutement@cfa-batiment-gironde.test' });
  await createCandidature(db, { offreId: offreCarreleur.id, candidatId: candidat2.id, projetId: projetTechnico.id, status: 'REFUSEE', answeredById: utilisateur.id, reponseMessage: 'Le poste demande un projet dans le carrelage.' });
  await db.favori.create({ data: { userId: gestionnaire.id, projetId: projetTechnico.id } });

  // « Alertes »: as the app raises them when an offer or a project is written
  for (const o of await db.offre.findMany({ where: { status: 'EN_COURS' }, select: { id: true } })) await refreshAlertesForOffre(db, o.id);

  log('données de démonstration : créées');
  return 'created';
}
