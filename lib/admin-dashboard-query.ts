import type { DbClient } from '@/lib/prisma-client';

/**
 * The admin « Tableau de bord » queries, without the role check (lib/data/admin.ts
 * getAdminDashboard checks it, then calls loadAdminDashboard): importable by the tests.
 */

/** Weeks shown by the dashboard's chart (the current one included). */
export const DASHBOARD_WEEKS = 12;

export interface DemandeEnAttente {
  id: string;
  employeur: string;
  structure: string;
  requestedAt: Date;
  /** Whole days elapsed since the request. */
  ageJours: number;
}

export interface WeekPoint {
  /** Monday of the week (Europe/Paris), « YYYY-MM-DD ». */
  weekStart: string;
  offres: number;
  candidatures: number;
}

export interface AdminDashboard {
  demandes: { total: number; plusAnciennes: DemandeEnAttente[] };
  structures: { actives: number; inactives: number };
  acteurs: number;
  candidats: number;
  offres: { EN_COURS: number; POURVUE: number; ARCHIVEE: number };
  candidaturesDuMois: { total: number; repondues: number; /** 0–100, null when there is none */ tauxReponse: number | null };
  emails: { echec: number; enAttente: number };
  semaines: WeekPoint[];
}

/** The admin « Tableau de bord »: checks the admin role from the database first. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** The dashboard's queries, without the guard (tested directly; call getAdminDashboard from the app). */
export async function loadAdminDashboard(client: DbClient, now: Date): Promise<AdminDashboard> {
  const [demandesTotal, plusAnciennes, structures, acteurs, candidats, offres, mois, emails, semaines] = await Promise.all([
    client.structureEmployeur.count({ where: { status: 'EN_ATTENTE' } }),
    client.structureEmployeur.findMany({
      where: { status: 'EN_ATTENTE' },
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      take: 5,
      select: { id: true, requestedAt: true, employeur: { select: { raisonSociale: true } }, structure: { select: { raisonSociale: true } } },
    }),
    client.structure.groupBy({ by: ['active'], _count: { _all: true } }),
    client.user.count({ where: { role: 'ACTEUR' } }),
    client.user.count({ where: { role: 'CANDIDAT', anonymizedAt: null } }),
    client.offre.groupBy({ by: ['status'], _count: { _all: true } }),
    candidaturesDuMois(client, now),
    client.emailOutbox.groupBy({ by: ['status'], where: { status: { in: ['ECHEC', 'EN_ATTENTE'] } }, _count: { _all: true } }),
    weeklySeries(client, now),
  ]);

  const offresBy = Object.fromEntries(offres.map((g) => [g.status, g._count._all]));
  const emailsBy = Object.fromEntries(emails.map((g) => [g.status, g._count._all]));
  return {
    demandes: {
      total: demandesTotal,
      plusAnciennes: plusAnciennes.map((d) => ({
        id: d.id,
        employeur: d.employeur.raisonSociale,
        structure: d.structure.raisonSociale,
        requestedAt: d.requestedAt,
        ageJours: Math.max(0, Math.floor((now.getTime() - d.requestedAt.getTime()) / DAY_MS)),
      })),
    },
    structures: {
      actives: structures.find((g) => g.active)?._count._all ?? 0,
      inactives: structures.find((g) => !g.active)?._count._all ?? 0,
    },
    acteurs,
    candidats,
    offres: { EN_COURS: offresBy.EN_COURS ?? 0, POURVUE: offresBy.POURVUE ?? 0, ARCHIVEE: offresBy.ARCHIVEE ?? 0 },
    candidaturesDuMois: mois,
    emails: { echec: emailsBy.ECHEC ?? 0, enAttente: emailsBy.EN_ATTENTE ?? 0 },
    semaines,
  };
}

/**
 * Applications since the 1st of the current Europe/Paris month, and how many were answered.
 * Timestamps are stored as UTC `timestamp`: the Paris month start is converted back to UTC.
 */
export async function candidaturesDuMois(client: DbClient, now: Date): Promise<AdminDashboard['candidaturesDuMois']> {
  const [row] = await client.$queryRaw<{ total: number; repondues: number }[]>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE c."status" <> 'A_TRAITER')::int AS repondues
    FROM "Candidature" c
    WHERE c."createdAt" >= (date_trunc('month', ${now.toISOString()}::timestamptz AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'Europe/Paris' AT TIME ZONE 'UTC')
      AND c."createdAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const total = row?.total ?? 0;
  const repondues = row?.repondues ?? 0;
  return { total, repondues, tauxReponse: total === 0 ? null : Math.round((repondues / total) * 100) };
}

type WeekRow = { weekStart: string; count: number };

/** Offers published and applications sent per week (Monday-based, Europe/Paris), last 12 weeks, zeros included. */
export async function weeklySeries(client: DbClient, now: Date): Promise<WeekPoint[]> {
  const at = now.toISOString();
  const [offres, candidatures] = await Promise.all([
    client.$queryRaw<WeekRow[]>`
      WITH weeks AS (
        SELECT generate_series(
          date_trunc('week', ${at}::timestamptz AT TIME ZONE 'Europe/Paris') - ${DASHBOARD_WEEKS - 1}::int * interval '1 week',
          date_trunc('week', ${at}::timestamptz AT TIME ZONE 'Europe/Paris'),
          interval '1 week') AS week
      ), counted AS (
        SELECT date_trunc('week', o."publishedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Paris') AS week, count(*)::int AS n
        FROM "Offre" o
        WHERE o."publishedAt" >= ((SELECT min(week) FROM weeks) AT TIME ZONE 'Europe/Paris' AT TIME ZONE 'UTC')
        GROUP BY 1
      )
      SELECT to_char(w.week, 'YYYY-MM-DD') AS "weekStart", coalesce(c.n, 0)::int AS count
      FROM weeks w LEFT JOIN counted c ON c.week = w.week
      ORDER BY w.week`,
    client.$queryRaw<WeekRow[]>`
      WITH weeks AS (
        SELECT generate_series(
          date_trunc('week', ${at}::timestamptz AT TIME ZONE 'Europe/Paris') - ${DASHBOARD_WEEKS - 1}::int * interval '1 week',
          date_trunc('week', ${at}::timestamptz AT TIME ZONE 'Europe/Paris'),
          interval '1 week') AS week
      ), counted AS (
        SELECT date_trunc('week', c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Paris') AS week, count(*)::int AS n
        FROM "Candidature" c
        WHERE c."createdAt" >= ((SELECT min(week) FROM weeks) AT TIME ZONE 'Europe/Paris' AT TIME ZONE 'UTC')
        GROUP BY 1
      )
      SELECT to_char(w.week, 'YYYY-MM-DD') AS "weekStart", coalesce(c.n, 0)::int AS count
      FROM weeks w LEFT JOIN counted c ON c.week = w.week
      ORDER BY w.week`,
  ]);
  return offres.map((o, i) => ({ weekStart: o.weekStart, offres: o.count, candidatures: candidatures[i]?.count ?? 0 }));
}
