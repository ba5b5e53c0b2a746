import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { assertAdmin } from '@/lib/data/admin-access';
import { writeAudit } from '@/lib/data/audit';
import { db } from '@/lib/db';
import { structureDesactiveeEmail, structureReactiveeEmail } from '@/lib/email/templates/admin-structures';
import { enqueueEmail } from '@/lib/email/send';
import { appUrl } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { Prisma, type LienEmployeurStatus, type MembershipRole, type OffreStatus, type StructureType } from '@/lib/generated/prisma/client';
import { escapeLike } from '@/lib/search';

/**
 * « Structures » (/admin/structures): every structure of the platform, its members, employers and
 * offers; the admin team can deactivate (or reactivate) one. Every function checks the ADMIN role
 * itself (assertAdmin reads it from the database), whoever calls it.
 */

export const ADMIN_STRUCTURES_PAGE_SIZE = 20;
export const ADMIN_STRUCTURES_EXPORT_MAX = 10_000;
export const MOTIF_MAX = 1000;

export interface StructureRow {
  id: string;
  numero: number;
  raisonSociale: string;
  siret: string;
  type: StructureType;
  codePostal: string;
  commune: string;
  active: boolean;
  completedAt: Date | null;
  createdAt: Date;
  membres: number;
  offresEnCours: number;
}

/** Raison sociale or commune (accents and case ignored), SIRET (spaces allowed) or numéro. */
function searchCondition(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.empty;
  const digits = /^[\d\s.\u00a0]+$/.test(q) ? q.replace(/[\s.\u00a0]/g, '') : null;
  if (digits) {
    const numero = digits.length <= 9 ? Number(digits) : null;
    return Prisma.sql`AND (s."siret" LIKE '%' || ${escapeLike(digits)} || '%' OR s."codePostal" = ${digits}
      ${numero !== null ? Prisma.sql`OR s."numero" = ${numero}` : Prisma.empty})`;
  }
  const pattern = escapeLike(q);
  return Prisma.sql`AND (lower(unaccent(s."raisonSociale")) LIKE '%' || lower(unaccent(${pattern})) || '%'
    OR lower(unaccent(coalesce(s."sigle", ''))) LIKE '%' || lower(unaccent(${pattern})) || '%'
    OR lower(unaccent(s."commune")) LIKE '%' || lower(unaccent(${pattern})) || '%')`;
}

function selectRows(q: string | undefined, limit: number, offset: number) {
  return db.$queryRaw<StructureRow[]>`
    SELECT s."id", s."numero", s."raisonSociale", s."siret", s."type"::text AS "type", s."codePostal", s."commune",
           s."active", s."completedAt", s."createdAt",
           (SELECT count(*)::int FROM "Membership" m WHERE m."structureId" = s."id") AS "membres",
           (SELECT count(*)::int FROM "Offre" o WHERE o."structureId" = s."id" AND o."status" = 'EN_COURS') AS "offresEnCours"
    FROM "Structure" s
    WHERE TRUE ${searchCondition(q)}
    ORDER BY lower(unaccent(s."raisonSociale")), s."numero"
    LIMIT ${limit} OFFSET ${offset}`;
}

/** The structures matching the search, 20 a page (a page past the end shows the last one). */
export async function listStructures(actor: CurrentUser, filters: { q?: string; page: number }) {
  await assertAdmin(actor);
  const counted = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS "total" FROM "Structure" s WHERE TRUE ${searchCondition(filters.q)}`;
  const total = counted[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_STRUCTURES_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page) || 1), pageCount);
  const rows = total === 0 ? [] : await selectRows(filters.q, ADMIN_STRUCTURES_PAGE_SIZE, (page - 1) * ADMIN_STRUCTURES_PAGE_SIZE);
  return { rows, total, page, pageCount };
}

export type StructuresList = Awaited<ReturnType<typeof listStructures>>;

/** Every structure of the search for the CSV export (capped at 10 000). */
export async function exportStructures(actor: CurrentUser, filters: { q?: string }): Promise<StructureRow[]> {
  await assertAdmin(actor);
  return selectRows(filters.q, ADMIN_STRUCTURES_EXPORT_MAX, 0);
}

export interface StructureDetail {
  id: string;
  numero: number;
  raisonSociale: string;
  sigle: string | null;
  siret: string;
  type: StructureType;
  codeNaf: string | null;
  adresse: string;
  complementAdresse: string | null;
  codePostal: string;
  commune: string;
  telephone: string | null;
  email: string | null;
  active: boolean;
  completedAt: Date | null;
  createdAt: Date;
  membres: { id: string; numero: number; prenom: string; nom: string; email: string; role: MembershipRole; active: boolean; lastLoginAt: Date | null }[];
  employeurs: { id: string; numero: number; raisonSociale: string; siret: string; status: LienEmployeurStatus; requestedAt: Date; decidedAt: Date | null }[];
  offres: { id: string; numero: number; metier: string; status: OffreStatus; employeur: string; commune: string | null; publishedAt: Date; motifDepublication: string | null }[];
  /** The latest deactivation / reactivation, from the audit log. */
  derniereDecision: { action: 'desactivation' | 'reactivation'; motif: string | null; at: Date; par: string | null } | null;
}

/** One structure by its public number, or null when there is none. */
export async function getStructureDetail(actor: CurrentUser, numero: number): Promise<StructureDetail | null> {
  await assertAdmin(actor);
  if (!Number.isSafeInteger(numero) || numero < 1) return null;
  const s = await db.structure.findUnique({
    where: { numero },
    select: {
      id: true,
      numero: true,
      raisonSociale: true,
      sigle: true,
      siret: true,
      type: true,
      codeNaf: true,
      adresse: true,
      complementAdresse: true,
      codePostal: true,
      commune: true,
      telephone: true,
      email: true,
      active: true,
      completedAt: true,
      createdAt: true,
      members: {
        orderBy: [{ role: 'asc' }, { user: { nom: 'asc' } }],
        select: { role: true, user: { select: { id: true, numero: true, prenom: true, nom: true, email: true, active: true, lastLoginAt: true } } },
      },
      employeurs: {
        orderBy: { requestedAt: 'desc' },
        select: { status: true, requestedAt: true, decidedAt: true, employeur: { select: { id: true, numero: true, raisonSociale: true, siret: true } } },
      },
      offres: {
        orderBy: [{ status: 'asc' }, { publishedAt: 'desc' }],
        take: 200,
        select: { id: true, numero: true, metier: true, status: true, commune: true, publishedAt: true, motifDepublication: true, employeur: { select: { raisonSociale: true } } },
      },
    },
  });
  if (!s) return null;
  const last = await db.auditLog.findFirst({
    where: { entityType: 'Structure', entityId: s.id, action: { in: ['structure.desactivation', 'structure.reactivation'] } },
    orderBy: { createdAt: 'desc' },
    select: { action: true, after: true, createdAt: true, actor: { select: { prenom: true, nom: true } } },
  });
  const { members, employeurs, offres, ...rest } = s;
  const motif = last && typeof last.after === 'object' && last.after && !Array.isArray(last.after) ? (last.after as Record<string, unknown>).motif : null;
  return {
    ...rest,
    membres: members.map((m) => ({ ...m.user, role: m.role })),
    employeurs: employeurs.map((l) => ({ ...l.employeur, status: l.status, requestedAt: l.requestedAt, decidedAt: l.decidedAt })),
    offres: offres.map(({ employeur, ...o }) => ({ ...o, employeur: employeur.raisonSociale })),
    derniereDecision: last
      ? {
          action: last.action === 'structure.desactivation' ? 'desactivation' : 'reactivation',
          motif: typeof motif === 'string' ? motif : null,
          at: last.createdAt,
          par: last.actor ? `${last.actor.prenom} ${last.actor.nom}`.trim() : null,
        }
      : null,
  };
}

export class StructureIntrouvableError extends UserFacingError {
  constructor() {
    super('Cette structure est introuvable.');
    this.name = 'StructureIntrouvableError';
  }
}

export const DEJA_DESACTIVEE_MESSAGE = 'Cette structure est déjà désactivée.';
export const DEJA_ACTIVE_MESSAGE = 'Cette structure est déjà active.';

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/**
 * « Désactiver la structure » / « Réactiver »: one transaction, atomic (a concurrent decision finds
 * the structure already changed). Deactivated: its offers leave the public site (the public
 * queries join `Structure.active`), its members are signed out (session version bumped) and can no
 * longer act for it (requireStaff). Audited; every member is e-mailed with the reason.
 */
export async function setStructureActive(actor: CurrentUser, structureId: string, active: boolean, motif: string, opts: { ip?: string | null } = {}) {
  await assertAdmin(actor);
  const reason = motif.trim();
  if (!reason) throw new UserFacingError('Indiquez le motif : il sera communiqué aux membres de la structure.');
  if (reason.length > MOTIF_MAX) throw new UserFacingError(`Le motif ne doit pas dépasser ${MOTIF_MAX} caractères.`);

  return db.$transaction(async (tx) => {
    const { count } = await tx.structure.updateMany({ where: { id: structureId, active: !active }, data: { active } });
    const structure = await tx.structure.findUnique({ where: { id: structureId }, select: { id: true, numero: true, raisonSociale: true, siret: true } });
    if (!structure) throw new StructureIntrouvableError();
    if (count === 0) throw new UserFacingError(active ? DEJA_ACTIVE_MESSAGE : DEJA_DESACTIVEE_MESSAGE);

    const members = await tx.membership.findMany({
      where: { structureId },
      select: { user: { select: { id: true, email: true, prenom: true, active: true, anonymizedAt: true } } },
    });
    if (!active && members.length > 0) {
      // older JWTs stop working: the members are signed out at once
      await tx.user.updateMany({ where: { id: { in: members.map((m) => m.user.id) } }, data: { sessionVersion: { increment: 1 } } });
    }
    const offresEnCours = await tx.offre.count({ where: { structureId, status: 'EN_COURS' } });

    await writeAudit(tx, {
      actorId: actor.id,
      action: active ? 'structure.reactivation' : 'structure.desactivation',
      entityType: 'Structure',
      entityId: structure.id,
      before: { active: !active },
      after: { active, motif: reason, numero: structure.numero, siret: structure.siret, membres: members.length, offresEnCours },
      ip: opts.ip ?? null,
    });

    const recipients = members.filter((m) => m.user.active && !m.user.anonymizedAt);
    const stamp = Date.now();
    for (const { user } of recipients) {
      await enqueueEmail(tx, {
        to: user.email,
        idempotencyKey: `structure-${active ? 'reactivation' : 'desactivation'}:${structure.id}:${user.id}:${stamp}`,
        ...(active
          ? structureReactiveeEmail({ prenom: user.prenom, structure: structure.raisonSociale, motif: reason, url: `${appUrl()}/connexion` })
          : structureDesactiveeEmail({ prenom: user.prenom, structure: structure.raisonSociale, motif: reason })),
      });
    }
    return { structureId: structure.id, numero: structure.numero, raisonSociale: structure.raisonSociale, active, notified: recipients.length, offresEnCours };
  }, TX_OPTIONS);
}
