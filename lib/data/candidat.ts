import { countMap } from '@/lib/relation-counts';
import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { refreshAlertesForProjet } from '@/lib/alertes/refresh';
import { projetSnapshotOf, type ProjetSnapshot } from '@/lib/candidatures/snapshots';
import { writeAudit } from '@/lib/data/audit';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { refreshProjetSearchText } from '@/lib/search';
import { PROJETS_MAX, PROJET_MESSAGES, type ProjetData, type ProjetInput } from '@/lib/validations/candidat';

/**
 * « Mes projets »: a candidate only ever reads and writes his own projects. A project of someone
 * else is answered as unknown (null → 404), whatever its number.
 */

type Tx = Prisma.TransactionClient;
type Candidat = Pick<CurrentUser, 'id'>;

export async function listMyProjets(user: Candidat) {
  const [projets, candidatures, formations, experiences] = await Promise.all([
    db.projet.findMany({
      where: { candidatId: user.id },
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        numero: true,
        metier: true,
        types: true,
        diplomeIntitule: true,
        niveau: true,
        dureeAnnees: true,
        zoneRegion: true,
        departements: true,
        visible: true,
        updatedAt: true,
      },
    }),
    // not relation _counts (lib/relation-counts.ts): the candidate's own rows, by their indexes
    db.candidature.groupBy({ by: ['projetId'], where: { candidatId: user.id }, _count: { _all: true } }),
    db.projetFormation.groupBy({ by: ['projetId'], where: { projet: { candidatId: user.id } }, _count: { _all: true } }),
    db.projetExperience.groupBy({ by: ['projetId'], where: { projet: { candidatId: user.id } }, _count: { _all: true } }),
  ]);
  const [c, f, e] = [countMap(candidatures, 'projetId'), countMap(formations, 'projetId'), countMap(experiences, 'projetId')];
  return projets.map(({ id, ...p }) => ({ ...p, _count: { candidatures: c.get(id) ?? 0, formations: f.get(id) ?? 0, experiences: e.get(id) ?? 0 } }));
}
export type MonProjet = Awaited<ReturnType<typeof listMyProjets>>[number];

export const PROJET_DETAIL_SELECT = {
  id: true,
  numero: true,
  appellationCode: true,
  romeCode: true,
  metier: true,
  types: true,
  certificationId: true,
  diplomeIntitule: true,
  niveau: true,
  dureeAnnees: true,
  zoneRegion: true,
  departements: true,
  visible: true,
  createdAt: true,
  updatedAt: true,
  formations: { orderBy: { position: 'asc' }, select: { intitule: true, statut: true, annee: true } },
  experiences: {
    orderBy: { position: 'asc' },
    select: { type: true, intitule: true, entreprise: true, dureeSemaines: true, dureeJours: true, missions: true },
  },
} as const satisfies Prisma.ProjetSelect;

export async function getMyProjet(user: Candidat, numero: number) {
  return db.projet.findFirst({ where: { numero, candidatId: user.id }, select: PROJET_DETAIL_SELECT });
}
export type MonProjetDetail = NonNullable<Awaited<ReturnType<typeof getMyProjet>>>;

/** The form's values for « Modifier ». */
export function projetFormValues(p: MonProjetDetail): ProjetInput {
  return {
    appellationCode: p.appellationCode,
    metier: p.metier,
    types: p.types,
    certificationId: p.certificationId ?? '',
    diplomeIntitule: p.diplomeIntitule ?? '',
    dureeAnnees: String(p.dureeAnnees ?? '') as ProjetInput['dureeAnnees'],
    zoneRegion: p.zoneRegion,
    departements: p.departements,
    formations: p.formations.map((f) => ({ intitule: f.intitule, statut: f.statut, annee: f.annee === null ? '' : String(f.annee) })),
    experiences: p.experiences.map((e) => ({
      type: e.type,
      intitule: e.intitule,
      entreprise: e.entreprise ?? '',
      dureeSemaines: e.dureeSemaines === null ? '' : String(e.dureeSemaines),
      dureeJours: e.dureeJours === null ? '' : String(e.dureeJours),
      missions: e.missions ?? '',
    })),
    visible: p.visible,
  };
}

/** The métier and the diplôme are read from the referentials, never taken from the client. */
async function resolveReferentiels(tx: Tx, data: ProjetData) {
  const [appellation, certification] = await Promise.all([
    tx.romeAppellation.findUnique({ where: { code: data.appellationCode }, select: { code: true, libelle: true, romeCode: true, version: true } }),
    tx.certification.findUnique({ where: { id: data.certificationId }, select: { id: true, intitule: true, niveau: true } }),
  ]);
  const fieldErrors: Record<string, string> = {};
  if (!appellation) fieldErrors.appellationCode = PROJET_MESSAGES.metierInconnu;
  if (!certification) fieldErrors.certificationId = PROJET_MESSAGES.diplomeInconnu;
  if (!appellation || !certification) throw new UserFacingError(Object.values(fieldErrors)[0]!, fieldErrors);
  return { appellation, certification };
}

function projetColumns(data: ProjetData, ref: Awaited<ReturnType<typeof resolveReferentiels>>) {
  return {
    appellationCode: ref.appellation.code,
    romeCode: ref.appellation.romeCode,
    romeVersion: ref.appellation.version,
    metier: ref.appellation.libelle,
    types: data.types,
    certificationId: ref.certification.id,
    diplomeIntitule: ref.certification.intitule,
    niveau: ref.certification.niveau,
    dureeAnnees: data.dureeAnnees,
    zoneRegion: data.zoneRegion,
    departements: data.departements,
    visible: data.visible,
  };
}

function childRows(data: ProjetData) {
  return {
    formations: data.formations.map((f, position) => ({ intitule: f.intitule, statut: f.statut, annee: f.annee, position })),
    experiences: data.experiences.map((e, position) => ({
      type: e.type,
      intitule: e.intitule,
      entreprise: e.entreprise,
      dureeSemaines: e.dureeSemaines,
      dureeJours: e.dureeJours,
      missions: e.missions,
      position,
    })),
  };
}

/** Serialises a candidate's writes to his projects (the count limit holds under concurrency). */
async function lockCandidat(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}

export async function createProjet(user: Candidat, data: ProjetData, ip?: string | null): Promise<{ numero: number }> {
  return db.$transaction(async (tx) => {
    await lockCandidat(tx, user.id);
    const count = await tx.projet.count({ where: { candidatId: user.id } });
    if (count >= PROJETS_MAX) throw new UserFacingError(PROJET_MESSAGES.projetsTrop);
    const ref = await resolveReferentiels(tx, data);
    const { formations, experiences } = childRows(data);
    const projet = await tx.projet.create({
      data: { candidatId: user.id, ...projetColumns(data, ref), formations: { create: formations }, experiences: { create: experiences } },
      select: { id: true, numero: true, visible: true },
    });
    await refreshProjetSearchText(tx, projet.id);
    await refreshAlertesForProjet(tx, projet.id);
    await writeAudit(tx, { actorId: user.id, action: 'projet.creation', entityType: 'Projet', entityId: projet.id, after: { numero: projet.numero, visible: projet.visible }, ip });
    return { numero: projet.numero };
  });
}

export async function updateProjet(user: Candidat, numero: number, data: ProjetData, ip?: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const existing = await tx.projet.findFirst({ where: { numero, candidatId: user.id }, select: { id: true, visible: true } });
    if (!existing) throw new UserFacingError(PROJET_MESSAGES.introuvable);
    const ref = await resolveReferentiels(tx, data);
    const { formations, experiences } = childRows(data);
    await tx.projetFormation.deleteMany({ where: { projetId: existing.id } });
    await tx.projetExperience.deleteMany({ where: { projetId: existing.id } });
    await tx.projet.update({
      where: { id: existing.id },
      data: { ...projetColumns(data, ref), formations: { create: formations }, experiences: { create: experiences } },
    });
    await refreshProjetSearchText(tx, existing.id);
    // consent withdrawn: the project leaves the structures' alerts at once; otherwise they follow the change
    await refreshAlertesForProjet(tx, existing.id);
    await writeAudit(tx, {
      actorId: user.id,
      action: 'projet.modification',
      entityType: 'Projet',
      entityId: existing.id,
      before: { visible: existing.visible },
      after: { visible: data.visible },
      ip,
    });
  });
}

/** Applications already sent keep their snapshot of the project. */
export async function deleteProjet(user: Candidat, numero: number, ip?: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const existing = await tx.projet.findFirst({ where: { numero, candidatId: user.id }, select: { id: true } });
    if (!existing) throw new UserFacingError(PROJET_MESSAGES.introuvable);
    await tx.projet.delete({ where: { id: existing.id } });
    await writeAudit(tx, { actorId: user.id, action: 'projet.suppression', entityType: 'Projet', entityId: existing.id, after: { numero }, ip });
  });
}

/** The project as the structure sees it in an application (taken when the candidate applies). */
export async function projetSnapshot(tx: Tx, projetId: string): Promise<ProjetSnapshot> {
  return projetSnapshotOf(await tx.projet.findUniqueOrThrow({ where: { id: projetId }, select: PROJET_DETAIL_SELECT }));
}
export type { ProjetSnapshot };

/** « Mon espace candidat »: how many of the candidate's applications are in each status. */
export async function countMyCandidaturesByStatus(user: Candidat): Promise<Record<'A_TRAITER' | 'ACCEPTEE' | 'REFUSEE', number>> {
  const rows = await db.candidature.groupBy({ by: ['status'], where: { candidatId: user.id }, _count: { _all: true } });
  const counts = { A_TRAITER: 0, ACCEPTEE: 0, REFUSEE: 0 };
  for (const row of rows) counts[row.status] = row._count._all;
  return counts;
}
