import 'server-only';
import type { StaffUser } from '@/lib/auth/guards';
import { writeAudit } from '@/lib/data/audit';
import { PROJET_VISIBLE_WHERE, countMyFavoris } from '@/lib/data/profils-detail';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * « Alertes » of the structure: projects (visible, active candidate) matching its offers
 * « En cours ». Rows are kept true by lib/alertes/refresh.ts; here they are read, best first,
 * and dismissed. Every query is scoped to the caller's structure.
 */

export const ALERTES_PAGE_SIZE = 20;
export const ALERTE_INTROUVABLE = 'Alerte introuvable.';

/**
 * The structure's alerts on its offers « En cours ». No join to projects and candidates: the rows
 * only ever exist for visible projects of active candidates (lib/alertes/refresh.ts removes them
 * when consent is withdrawn, the account deactivated — lib/data/admin-utilisateurs.ts — or deleted),
 * which keeps the « Tableau de bord » count to the structure's own index at regional scale.
 */
function visibleWhere(structureId: string, offreNumero?: number): Prisma.AlerteWhereInput {
  return {
    structureId,
    dismissedAt: null,
    offre: { status: 'EN_COURS', structureId, ...(offreNumero ? { numero: offreNumero } : {}) },
  };
}

const ALERTE_SELECT = {
  id: true,
  score: true,
  raisons: true,
  createdAt: true,
  offre: { select: { numero: true, metier: true } },
  projet: { select: { numero: true, metier: true, types: true, niveau: true, diplomeIntitule: true } },
} as const satisfies Prisma.AlerteSelect;

export async function countAlertes(user: StaffUser): Promise<number> {
  return db.alerte.count({ where: visibleWhere(user.membership.structure.id) });
}

export async function listAlertes(user: StaffUser, page: number, opts: { offreNumero?: number; take?: number } = {}) {
  const where = visibleWhere(user.membership.structure.id, opts.offreNumero);
  const take = opts.take ?? ALERTES_PAGE_SIZE;
  const [total, items] = await Promise.all([
    db.alerte.count({ where }),
    db.alerte.findMany({
      where,
      orderBy: [{ score: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * take,
      take,
      select: ALERTE_SELECT,
    }),
  ]);
  return { total, items, pages: Math.max(1, Math.ceil(total / take)) };
}
export type AlerteItem = Awaited<ReturnType<typeof listAlertes>>['items'][number];

/** « Ignorer »: the alert leaves the structure's list (for all its members), and stays dismissed while it still matches. */
export async function dismissAlerte(user: StaffUser, id: string, ip?: string | null): Promise<void> {
  const structureId = user.membership.structure.id;
  const { count } = await db.alerte.updateMany({ where: { id, structureId, dismissedAt: null }, data: { dismissedAt: new Date() } });
  if (count === 0) throw new UserFacingError(ALERTE_INTROUVABLE);
  await writeAudit(db, { actorId: user.id, action: 'alerte.ignoree', entityType: 'Alerte', entityId: id, ip });
}

/** The latest items of each block of the « Tableau de bord ». */
export async function getDashboard(user: StaffUser) {
  const structureId = user.membership.structure.id;
  const [alertes, favorisCount, favoris, candidatures, aTraiter] = await Promise.all([
    listAlertes(user, 1, { take: 5 }),
    countMyFavoris(user),
    db.favori.findMany({
      where: { userId: user.id, projet: PROJET_VISIBLE_WHERE },
      orderBy: { createdAt: 'desc' },
      take: 3,
      select: { projet: { select: { numero: true, metier: true } } },
    }),
    db.candidature.groupBy({ by: ['status'], where: { offre: { structureId } }, _count: { _all: true } }),
    db.candidature.findMany({
      where: { offre: { structureId }, status: 'A_TRAITER' },
      orderBy: [{ createdAt: 'desc' }, { numero: 'desc' }],
      take: 3,
      select: { numero: true, createdAt: true, offre: { select: { numero: true, metier: true } } },
    }),
  ]);
  const by = Object.fromEntries(candidatures.map((c) => [c.status, c._count._all]));
  const counts = { A_TRAITER: by.A_TRAITER ?? 0, ACCEPTEE: by.ACCEPTEE ?? 0, REFUSEE: by.REFUSEE ?? 0 };
  return {
    alertes,
    favoris: { total: favorisCount, items: favoris.map((f) => f.projet) },
    candidatures: { counts, total: counts.A_TRAITER + counts.ACCEPTEE + counts.REFUSEE, aTraiter },
  };
}
