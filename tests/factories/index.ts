/**
 * The one set of factories, used by prisma/seed.ts (demo data) and by the tests.
 * Each takes the PrismaClient to write with, and sensible defaults for what it is not given.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { offreSnapshotOf, projetSnapshotOf } from '@/lib/candidatures/snapshots';
import { withLuhnCheckDigit } from '@/lib/entreprises/siret';
import { refreshEmployeurSearchText, refreshOffreSearchText, refreshProjetSearchText } from '@/lib/search';
import type {
  LienEmployeurStatus,
  MembershipRole,
  OffreStatus,
  Role,
  Prisma,
  StructureType,
  TypeAlternance,
} from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/prisma-client';

export const DEMO_PASSWORD = 'Alternance2026!';

let passwordHashCache: Promise<string> | undefined;
/** Hashing is slow on purpose: the common demo/test password is hashed once. */
function hashFor(password: string) {
  if (password !== DEMO_PASSWORD) return hashPassword(password);
  passwordHashCache ??= hashPassword(DEMO_PASSWORD);
  return passwordHashCache;
}

export function uniqueEmail(prefix = 'test') {
  return `${prefix}-${randomUUID().slice(0, 8)}@exemple.test`;
}

/** A random, checksum-valid SIRET (not La Poste's). */
export function randomSiret(): string {
  let prefix = '';
  do {
    prefix = Array.from({ length: 13 }, () => Math.floor(Math.random() * 10)).join('');
  } while (prefix.startsWith('356') || prefix.startsWith('0'));
  return withLuhnCheckDigit(prefix);
}

export async function createUser(
  db: DbClient,
  data: { role: Role; email?: string; password?: string; prenom?: string; nom?: string; telephone?: string | null; active?: boolean },
) {
  return db.user.create({
    data: {
      role: data.role,
      email: (data.email ?? uniqueEmail(data.role.toLowerCase())).toLowerCase(),
      passwordHash: await hashFor(data.password ?? DEMO_PASSWORD),
      prenom: data.prenom ?? 'Camille',
      nom: data.nom ?? 'Martin',
      telephone: data.telephone ?? null,
      active: data.active ?? true,
    },
  });
}

export async function createStructure(
  db: DbClient,
  data: Partial<{
    siret: string;
    raisonSociale: string;
    sigle: string | null;
    type: StructureType;
    codeNaf: string;
    domaineActivite: string;
    adresse: string;
    codePostal: string;
    communeInsee: string;
    commune: string;
    departementCode: string;
    email: string;
    telephone: string;
    accueilStagiaires3e: boolean;
    accueilStagiaires2de: boolean;
    completed: boolean;
  }> = {},
) {
  const siret = data.siret ?? randomSiret();
  const { completed = true, ...rest } = data;
  return db.structure.create({
    data: {
      raisonSociale: 'Structure de test',
      type: 'CFA',
      adresse: '1 rue de la République',
      codePostal: '33000',
      communeInsee: '33063',
      commune: 'Bordeaux',
      departementCode: '33',
      ...rest,
      siret,
      siren: siret.slice(0, 9),
      completedAt: completed ? new Date() : null,
    },
  });
}

export async function addMember(db: DbClient, userId: string, structureId: string, role: MembershipRole) {
  return db.membership.create({ data: { userId, structureId, role } });
}

/** An acteur and his membership in one call. */
export async function createActeur(
  db: DbClient,
  structureId: string,
  role: MembershipRole,
  data: { email?: string; prenom?: string; nom?: string; password?: string } = {},
) {
  const user = await createUser(db, { role: 'ACTEUR', ...data });
  await addMember(db, user.id, structureId, role);
  return user;
}

export async function createEmployeur(
  db: DbClient,
  data: Partial<{ siret: string; raisonSociale: string; email: string; telephone: string; codeNaf: string; domaineActivite: string; ville: string; codePostal: string; communeInsee: string; departementCode: string; adresse: string }> = {},
) {
  const siret = data.siret ?? randomSiret();
  const employeur = await db.employeur.create({
    data: { raisonSociale: 'Employeur de test', etatAdministratif: 'A', ...data, siret, siren: siret.slice(0, 9) },
  });
  await refreshEmployeurSearchText(db, employeur.id);
  return employeur;
}

export async function linkEmployeur(
  db: DbClient,
  data: { structureId: string; employeurId: string; status?: LienEmployeurStatus; requestedById?: string; motifRefus?: string },
) {
  return db.structureEmployeur.create({
    data: {
      structureId: data.structureId,
      employeurId: data.employeurId,
      status: data.status ?? 'VALIDE',
      requestedById: data.requestedById,
      motifRefus: data.motifRefus,
      decidedAt: data.status === 'EN_ATTENTE' ? null : new Date(),
    },
  });
}

export interface MetierRef {
  appellationCode: string;
  romeCode: string;
  romeVersion?: string;
  metier: string;
}

// Real ROME 4.0 (v460) appellations
export const CARRELEUR: MetierRef = { appellationCode: '11691', romeCode: 'F1608', metier: 'Carreleur / Carreleuse mosaïste' };
export const COUVREUR: MetierRef = { appellationCode: '13822', romeCode: 'F1619', metier: 'Couvreur / Couvreuse' };
export const TECHNICO_COMMERCIAL: MetierRef = {
  appellationCode: '20291',
  romeCode: 'D1407',
  metier: 'Technico-commercial / Technico-commerciale',
};

export async function createOffre(
  db: DbClient,
  data: {
    structureId: string;
    employeurId: string;
    metier?: MetierRef;
    types?: TypeAlternance[];
    status?: OffreStatus;
    referentId?: string;
    description?: string;
    commune?: string;
    communeInsee?: string;
    codePostal?: string;
    departementCode?: string;
    dateEmbauche?: Date;
    dureeMois?: number;
    diplomes?: { intitule: string; niveau: number | null; certificationId?: string | null }[];
    publishedAt?: Date;
  },
) {
  const metier = data.metier ?? CARRELEUR;
  const status = data.status ?? 'EN_COURS';
  const offre = await db.offre.create({
    data: {
      structureId: data.structureId,
      employeurId: data.employeurId,
      types: data.types ?? ['APPRENTISSAGE'],
      appellationCode: metier.appellationCode,
      romeCode: metier.romeCode,
      romeVersion: metier.romeVersion ?? '460',
      metier: metier.metier,
      description: data.description ?? 'Pose de carrelage et de faïence sur chantiers neufs et en rénovation.',
      adresse: '12 avenue Thiers',
      codePostal: data.codePostal ?? '33100',
      communeInsee: data.communeInsee ?? '33063',
      commune: data.commune ?? 'Bordeaux',
      departementCode: data.departementCode ?? '33',
      dateEmbauche: data.dateEmbauche ?? new Date('2027-09-01'),
      dureeMois: data.dureeMois ?? 24,
      referentId: data.referentId,
      createdById: data.referentId,
      status,
      publishedAt: data.publishedAt ?? new Date(),
      pourvueAt: status === 'POURVUE' ? new Date() : null,
      archivedAt: status === 'ARCHIVEE' ? new Date() : null,
      diplomes: { create: data.diplomes ?? [{ intitule: 'CAP carreleur mosaïste', niveau: 3 }] },
    },
    include: { diplomes: true },
  });
  await refreshOffreSearchText(db, offre.id);
  return offre;
}

export async function createProjet(
  db: DbClient,
  data: {
    candidatId: string;
    metier?: MetierRef;
    types?: TypeAlternance[];
    diplomeIntitule?: string;
    niveau?: number;
    certificationId?: string | null;
    dureeAnnees?: number;
    zoneRegion?: boolean;
    departements?: string[];
    visible?: boolean;
    formations?: { intitule: string; statut: 'VALIDE' | 'EN_COURS' | 'NON_VALIDE'; annee?: number }[];
    experiences?: { type: 'STAGE' | 'EMPLOI' | 'JOB_ETUDIANT' | 'BENEVOLAT'; intitule: string; entreprise?: string; dureeSemaines?: number; dureeJours?: number; missions?: string }[];
  },
) {
  const metier = data.metier ?? CARRELEUR;
  const projet = await db.projet.create({
    data: {
      candidatId: data.candidatId,
      appellationCode: metier.appellationCode,
      romeCode: metier.romeCode,
      romeVersion: metier.romeVersion ?? '460',
      metier: metier.metier,
      types: data.types ?? ['APPRENTISSAGE'],
      diplomeIntitule: data.diplomeIntitule ?? 'CAP carreleur mosaïste',
      niveau: data.niveau ?? 3,
      certificationId: data.certificationId ?? null,
      dureeAnnees: data.dureeAnnees ?? 2,
      zoneRegion: data.zoneRegion ?? false,
      departements: data.departements ?? ['33'],
      visible: data.visible ?? true,
      formations: { create: (data.formations ?? []).map((f, position) => ({ ...f, position })) },
      experiences: { create: (data.experiences ?? []).map((e, position) => ({ ...e, position })) },
    },
  });
  await refreshProjetSearchText(db, projet.id);
  return projet;
}

export async function createCandidature(
  db: DbClient,
  data: {
    offreId: string;
    candidatId: string;
    projetId: string;
    message?: string;
    status?: 'A_TRAITER' | 'ACCEPTEE' | 'REFUSEE';
    reponseMessage?: string;
    answeredById?: string;
  },
) {
  const [offre, projet] = await Promise.all([
    db.offre.findUniqueOrThrow({
      where: { id: data.offreId },
      include: { diplomes: { orderBy: [{ niveau: 'asc' }, { intitule: 'asc' }] }, employeur: true, structure: true },
    }),
    db.projet.findUniqueOrThrow({
      where: { id: data.projetId },
      include: { formations: { orderBy: { position: 'asc' } }, experiences: { orderBy: { position: 'asc' } } },
    }),
  ]);
  const status = data.status ?? 'A_TRAITER';
  // the same snapshots as « Postuler » writes
  return db.candidature.create({
    data: {
      offreId: offre.id,
      candidatId: data.candidatId,
      projetId: projet.id,
      message: data.message ?? null,
      offreSnapshot: offreSnapshotOf(offre) as unknown as Prisma.InputJsonValue,
      projetSnapshot: projetSnapshotOf(projet) as unknown as Prisma.InputJsonValue,
      status,
      reponseType: status === 'ACCEPTEE' ? 'ENTRETIEN' : status === 'REFUSEE' ? 'REFUS' : null,
      reponseMessage: status === 'A_TRAITER' ? null : (data.reponseMessage ?? 'Merci pour votre candidature.'),
      answeredById: status === 'A_TRAITER' ? null : data.answeredById,
      answeredAt: status === 'A_TRAITER' ? null : new Date(),
    },
  });
}
