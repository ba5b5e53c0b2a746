import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { assertAdmin } from '@/lib/data/admin-access';
import { writeAudit } from '@/lib/data/audit';
import { db } from '@/lib/db';
import { offreDepublieeEmail } from '@/lib/email/templates/admin-structures';
import { enqueueEmail } from '@/lib/email/send';
import { appUrl } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { Prisma, type OffreStatus } from '@/lib/generated/prisma/client';
import { escapeLike } from '@/lib/search';

/**
 * « Offres » (/admin/offres): every offer of the platform; the admin team can unpublish one
 * (« Dépublier »: archived with a reason). Every function checks the ADMIN role itself.
 */

export const ADMIN_OFFRES_PAGE_SIZE = 20;
export const ADMIN_OFFRES_EXPORT_MAX = 10_000;
const MOTIF_MAX = 1000;
/** Offer numbers are PostgreSQL integers. */
const INT_MAX = 2_147_483_647;

export interface OffreAdminRow {
  id: string;
  numero: number;
  metier: string;
  status: OffreStatus;
  commune: string | null;
  codePostal: string | null;
  publishedAt: Date;
  archivedAt: Date | null;
  motifDepublication: string | null;
  employeur: string;
  structureNumero: number;
  structure: string;
  structureActive: boolean;
  candidatures: number;
}

/** Métier, structure or employer (accents and case ignored), or the offer's numéro. */
function searchCondition(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.empty;
  const digits = /^\d{1,10}$/.test(q.replace(/\s/g, '')) ? Number(q.replace(/\s/g, '')) : null;
  const pattern = escapeLike(q);
  return Prisma.sql`AND (lower(unaccent(o."metier")) LIKE '%' || lower(unaccent(${pattern})) || '%'
    OR lower(unaccent(s."raisonSociale")) LIKE '%' || lower(unaccent(${pattern})) || '%'
    OR lower(unaccent(e."raisonSociale")) LIKE '%' || lower(unaccent(${pattern})) || '%'
    ${digits !== null && digits <= INT_MAX ? Prisma.sql`OR o."numero" = ${digits}` : Prisma.empty})`;
}

function statutCondition(statut: OffreStatus | undefined): Prisma.Sql {
  return statut ? Prisma.sql`AND o."status" = CAST(${statut} AS "OffreStatus")` : Prisma.empty;
}

function selectRows(filters: { q?: string; statut?: OffreStatus }, limit: number, offset: number) {
  return db.$queryRaw<OffreAdminRow[]>`
    SELECT o."id", o."numero", o."metier", o."status"::text AS "status", o."commune", o."codePostal", o."publishedAt", o."archivedAt",
           o."motifDepublication", e."raisonSociale" AS "employeur", s."numero" AS "structureNumero", s."raisonSociale" AS "structure",
           s."active" AS "structureActive",
           (SELECT count(*)::int FROM "Candidature" c WHERE c."offreId" = o."id") AS "candidatures"
    FROM "Offre" o
    JOIN "Structure" s ON s."id" = o."structureId"
    JOIN "Employeur" e ON e."id" = o."employeurId"
    WHERE TRUE ${statutCondition(filters.statut)} ${searchCondition(filters.q)}
    ORDER BY o."publishedAt" DESC, o."numero" DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

export async function listOffresAdmin(actor: CurrentUser, filters: { q?: string; statut?: OffreStatus; page: number }) {
  await assertAdmin(actor);
  const counted = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS "total"
    FROM "Offre" o
    JOIN "Structure" s ON s."id" = o."structureId"
    JOIN "Employeur" e ON e."id" = o."employeurId"
    WHERE TRUE ${statutCondition(filters.statut)} ${searchCondition(filters.q)}`;
  const total = counted[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_OFFRES_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page) || 1), pageCount);
  const rows = total === 0 ? [] : await selectRows(filters, ADMIN_OFFRES_PAGE_SIZE, (page - 1) * ADMIN_OFFRES_PAGE_SIZE);
  return { rows, total, page, pageCount };
}

export async function exportOffresAdmin(actor: CurrentUser, filters: { q?: string; statut?: OffreStatus }): Promise<OffreAdminRow[]> {
  await assertAdmin(actor);
  return selectRows(filters, ADMIN_OFFRES_EXPORT_MAX, 0);
}

export const OFFRE_DEJA_HORS_LIGNE_MESSAGE = 'Cette offre n’est plus en cours : elle ne peut pas être dépubliée.';

/**
 * « Dépublier »: the open offer is archived with the admin team's reason, in one transaction
 * (a concurrent change finds it no longer open). It leaves the public site (410, as archived
 * offers). Audited; the référent (or, without one, every member of the structure) is e-mailed.
 */
export async function depublierOffre(actor: CurrentUser, offreNumero: number, motif: string, opts: { ip?: string | null } = {}) {
  await assertAdmin(actor);
  const reason = motif.trim();
  if (!reason) throw new UserFacingError('Indiquez le motif : il sera communiqué à la structure.');
  if (reason.length > MOTIF_MAX) throw new UserFacingError(`Le motif ne doit pas dépasser ${MOTIF_MAX} caractères.`);
  if (!Number.isSafeInteger(offreNumero) || offreNumero < 1 || offreNumero > INT_MAX) throw new UserFacingError('Cette offre est introuvable.');

  return db.$transaction(
    async (tx) => {
      const now = new Date();
      const { count } = await tx.offre.updateMany({
        where: { numero: offreNumero, status: 'EN_COURS' },
        data: { status: 'ARCHIVEE', archivedAt: now, motifDepublication: reason },
      });
      const offre = await tx.offre.findUnique({
        where: { numero: offreNumero },
        select: {
          id: true,
          numero: true,
          metier: true,
          structureId: true,
          publishedAt: true,
          structure: { select: { raisonSociale: true } },
          referent: { select: { id: true, email: true, prenom: true, active: true, anonymizedAt: true, membership: { select: { structureId: true } } } },
        },
      });
      if (!offre) throw new UserFacingError('Cette offre est introuvable.');
      if (count === 0) throw new UserFacingError(OFFRE_DEJA_HORS_LIGNE_MESSAGE);

      await writeAudit(tx, {
        actorId: actor.id,
        action: 'offre.depublication',
        entityType: 'Offre',
        entityId: offre.id,
        before: { numero: offre.numero, status: 'EN_COURS', archivedAt: null, motifDepublication: null },
        after: { numero: offre.numero, status: 'ARCHIVEE', archivedAt: now.toISOString(), motifDepublication: reason, structureId: offre.structureId },
        ip: opts.ip ?? null,
      });

      const r = offre.referent;
      const referentOk = r && r.active && !r.anonymizedAt && r.membership?.structureId === offre.structureId;
      const recipients = referentOk
        ? [{ id: r.id, email: r.email, prenom: r.prenom }]
        : (
            await tx.membership.findMany({
              where: { structureId: offre.structureId, user: { active: true, anonymizedAt: null } },
              select: { user: { select: { id: true, email: true, prenom: true } } },
            })
          ).map((m) => m.user);
      for (const user of recipients) {
        await enqueueEmail(tx, {
          to: user.email,
          idempotencyKey: `offre-depublication:${offre.id}:${user.id}`,
          ...offreDepublieeEmail({
            prenom: user.prenom,
            metier: offre.metier,
            numero: String(offre.numero).padStart(10, '0'),
            structure: offre.structure.raisonSociale,
            motif: reason,
            url: `${appUrl()}/mes-offres`,
          }),
        });
      }
      return { offreId: offre.id, numero: offre.numero, metier: offre.metier, notified: recipients.length };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
