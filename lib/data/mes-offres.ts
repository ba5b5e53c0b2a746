import { countMap } from '@/lib/relation-counts';
import 'server-only';
import { refreshAlertesForOffre } from '@/lib/alertes/refresh';
import type { StaffUser } from '@/lib/auth/guards';
import { writeAudit } from '@/lib/data/audit';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import type { DbClient } from '@/lib/prisma-client';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import {
  MES_OFFRES_MESSAGES as M,
  MES_OFFRES_PAGE_SIZE,
  canChangeStatus,
  ongletFromSlug,
  type MesOffresSlug,
  type OffreStatut,
  type StatutCible,
} from '@/lib/validations/mes-offres';

/**
 * « Mes offres — Suivi de mes offres ». Every member of a structure (gestionnaire or utilisateur)
 * sees and manages all of its offers; every query is scoped to the caller's structure, and an
 * offer number of another structure answers « introuvable », whether it exists or not.
 */

/** An offer number that is not in the caller's structure. */
export class OffreNotFoundError extends UserFacingError {
  constructor() {
    super(M.offreIntrouvable);
    this.name = 'OffreNotFoundError';
  }
}

export interface Options {
  now?: Date;
  ip?: string | null;
}

/** What the list reads: the app's client, or (in tests) one that counts the queries. */
export type MesOffresReader = Pick<DbClient, 'offre' | 'candidature'>;

export interface OffreCard {
  numero: number;
  status: OffreStatut;
  metier: string;
  entreprise: string;
  referent: string | null;
  commune: string | null;
  dateEmbauche: Date;
  /** « Niveau CAP, BEP », …: the levels of its diplômes, without duplicates, lowest first. */
  niveaux: string[];
  candidatures: number;
}

export interface MesOffresList {
  counts: Record<OffreStatut, number>;
  statut: MesOffresSlug;
  page: number;
  pageCount: number;
  offres: OffreCard[];
}

/**
 * One page (20 offers) of a tab, most recently published first, and the three counts — always
 * exactly two queries, whatever the number of offers (the employer, the référent, the diplômes'
 * levels and the number of applications come with the offers, not one query per offer).
 */
export async function listMesOffres(
  user: StaffUser,
  params: { statut: MesOffresSlug; page: number },
  client: MesOffresReader = db,
): Promise<MesOffresList> {
  const structureId = user.membership.structure.id;
  const onglet = ongletFromSlug(params.statut);
  const page = Math.max(1, Math.floor(params.page));
  const [grouped, rows] = await Promise.all([
    client.offre.groupBy({ by: ['status'], where: { structureId }, _count: { _all: true } }),
    client.offre.findMany({
      where: { structureId, status: onglet.status },
      orderBy: [{ publishedAt: 'desc' }, { numero: 'desc' }],
      skip: (page - 1) * MES_OFFRES_PAGE_SIZE,
      take: MES_OFFRES_PAGE_SIZE,
      select: {
        numero: true,
        status: true,
        metier: true,
        commune: true,
        dateEmbauche: true,
        employeur: { select: { raisonSociale: true } },
        referent: { select: { prenom: true, nom: true } },
        id: true,
        diplomes: { select: { niveau: true } },
      },
    }),
  ]);
  const candidatures = countMap(
    await client.candidature.groupBy({ by: ['offreId'], where: { offreId: { in: rows.map((o) => o.id) } }, _count: { _all: true } }),
    'offreId',
  );
  const by = Object.fromEntries(grouped.map((g) => [g.status, g._count._all])) as Partial<Record<OffreStatut, number>>;
  const counts = { EN_COURS: by.EN_COURS ?? 0, POURVUE: by.POURVUE ?? 0, ARCHIVEE: by.ARCHIVEE ?? 0 };
  return {
    counts,
    statut: onglet.slug,
    page,
    pageCount: Math.ceil(counts[onglet.status] / MES_OFFRES_PAGE_SIZE),
    offres: rows.map((o) => ({
      numero: o.numero,
      status: o.status,
      metier: o.metier,
      entreprise: o.employeur.raisonSociale,
      referent: o.referent ? `${o.referent.prenom} ${o.referent.nom}`.trim() : null,
      commune: o.commune,
      dateEmbauche: o.dateEmbauche,
      niveaux: [...new Set(o.diplomes.map((d) => d.niveau).filter((n): n is number => n != null))]
        .sort((a, b) => a - b)
        .map(libelleNiveau)
        .filter(Boolean),
      candidatures: candidatures.get(o.id) ?? 0,
    })),
  };
}

// ───────────────────────────── Status changes ─────────────────────────────

export interface StatusChange {
  numero: number;
  before: OffreStatut;
  after: OffreStatut;
  /** false when the offer already had that status (nothing written). */
  changed: boolean;
}

type StatusFields = { status: StatutCible; pourvueAt?: Date | null; archivedAt?: Date | null };

function fieldsFor(status: StatutCible, now: Date): StatusFields {
  switch (status) {
    case 'POURVUE':
      return { status, pourvueAt: now, archivedAt: null };
    case 'ARCHIVEE':
      return { status, archivedAt: now };
    case 'EN_COURS':
      // back from « Pourvue »: published again; the auto-archive clock (publishedAt) is unchanged
      return { status, pourvueAt: null, archivedAt: null };
  }
}

/**
 * « POURVUE », « ARCHIVER », « Remettre en cours ». Allowed: En cours → Pourvue | Archivée,
 * Pourvue → Archivée | En cours. An archived offer is reactivated by opening and saving it (the
 * edit form), not here. The update only applies if the status is still the one read, so two
 * members (or the auto-archive job) changing the same offer at once cannot both win.
 */
export async function setOffreStatus(user: StaffUser, numero: number, status: StatutCible, opts: Options = {}): Promise<StatusChange> {
  const now = opts.now ?? new Date();
  const structureId = user.membership.structure.id;
  return db.$transaction(async (tx) => {
    const offre = await tx.offre.findFirst({
      where: { numero, structureId },
      select: { id: true, numero: true, status: true, pourvueAt: true, archivedAt: true },
    });
    if (!offre) throw new OffreNotFoundError();
    if (offre.status === status) return { numero, before: offre.status, after: offre.status, changed: false };
    if (!canChangeStatus(offre.status, status)) {
      throw new UserFacingError(offre.status === 'ARCHIVEE' && status === 'POURVUE' ? M.archiveeVersPourvue : M.reactivation);
    }
    const data = fieldsFor(status, now);
    const { count } = await tx.offre.updateMany({ where: { id: offre.id, structureId, status: offre.status }, data });
    if (count !== 1) throw new UserFacingError(M.changementConcurrent);
    const after = {
      status,
      pourvueAt: data.pourvueAt !== undefined ? data.pourvueAt : offre.pourvueAt,
      archivedAt: data.archivedAt !== undefined ? data.archivedAt : offre.archivedAt,
    };
    await writeAudit(tx, {
      actorId: user.id,
      action: 'offre.statut',
      entityType: 'Offre',
      entityId: offre.id,
      before: { numero, status: offre.status, pourvueAt: offre.pourvueAt?.toISOString() ?? null, archivedAt: offre.archivedAt?.toISOString() ?? null },
      after: { numero, status: after.status, pourvueAt: after.pourvueAt?.toISOString() ?? null, archivedAt: after.archivedAt?.toISOString() ?? null },
      ip: opts.ip,
    });
    // back « En cours »: the projects that match it today (alerts of closed offers are not shown)
    if (status === 'EN_COURS') await refreshAlertesForOffre(tx, offre.id);
    return { numero, before: offre.status, after: after.status, changed: true };
  });
}
