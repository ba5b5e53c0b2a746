import 'server-only';
import type { StaffUser } from '@/lib/auth/guards';
import { db } from '@/lib/db';

/** Every query here is scoped to the caller's own structure. */
export async function getMyStructure(user: StaffUser) {
  return db.structure.findUniqueOrThrow({
    where: { id: user.membership.structure.id },
    select: {
      numero: true,
      siret: true,
      raisonSociale: true,
      sigle: true,
      codeNaf: true,
      domaineActivite: true,
      effectif: true,
      type: true,
      adresse: true,
      complementAdresse: true,
      codePostal: true,
      communeInsee: true,
      commune: true,
      telephone: true,
      email: true,
      accueilStagiaires3e: true,
      accueilStagiaires2de: true,
    },
  });
}

export async function listMyStructureMembers(user: StaffUser) {
  return db.membership.findMany({
    where: { structureId: user.membership.structure.id },
    orderBy: [{ role: 'asc' }, { user: { numero: 'asc' } }],
    select: { role: true, user: { select: { numero: true, prenom: true, nom: true, email: true } } },
  });
}

export async function getStaffDashboardCounts(user: StaffUser) {
  const structureId = user.membership.structure.id;
  const [offres, candidatures, favoris, alertes] = await Promise.all([
    db.offre.groupBy({ by: ['status'], where: { structureId }, _count: { _all: true } }),
    db.candidature.groupBy({ by: ['status'], where: { offre: { structureId } }, _count: { _all: true } }),
    db.favori.count({ where: { userId: user.id } }),
    db.alerte.count({ where: { structureId, dismissedAt: null } }),
  ]);
  const offresBy = Object.fromEntries(offres.map((o) => [o.status, o._count._all]));
  const candidaturesBy = Object.fromEntries(candidatures.map((c) => [c.status, c._count._all]));
  return {
    offres: { EN_COURS: offresBy.EN_COURS ?? 0, POURVUE: offresBy.POURVUE ?? 0, ARCHIVEE: offresBy.ARCHIVEE ?? 0 },
    candidatures: {
      A_TRAITER: candidaturesBy.A_TRAITER ?? 0,
      ACCEPTEE: candidaturesBy.ACCEPTEE ?? 0,
      REFUSEE: candidaturesBy.REFUSEE ?? 0,
    },
    favoris,
    alertes,
  };
}
