import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { assertAdmin } from '@/lib/data/admin-access';
import { decideEmployeurLink, type Options } from '@/lib/data/employeurs';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { Prisma, type LienEmployeurStatus } from '@/lib/generated/prisma/client';
import { escapeLike } from '@/lib/search';

/**
 * « Demandes d'employeurs » (/admin/employeurs): the admin team's queue of the structures' requests
 * to add an employer. Every function checks the ADMIN role itself (assertAdmin reads it from the
 * database), whoever calls it. The decision itself is decideEmployeurLink (lib/data/employeurs.ts).
 */

export const ADMIN_EMPLOYEURS_PAGE_SIZE = 20;
export const ADMIN_EMPLOYEURS_EXPORT_MAX = 10_000;
export const ADMIN_EMPLOYEURS_BULK_MAX = 50;

export type DemandeStatut = LienEmployeurStatus;

export interface DemandesFilters {
  statut: DemandeStatut;
  q?: string;
}

export interface DemandeEmployeurRow {
  id: string;
  status: DemandeStatut;
  motifRefus: string | null;
  alertes: string[];
  requestedAt: Date;
  decidedAt: Date | null;
  /** Whole days since the request (pending ones). */
  ageJours: number;
  employeur: {
    id: string;
    numero: number;
    siret: string;
    raisonSociale: string;
    codeNaf: string | null;
    domaineActivite: string | null;
    adresse: string | null;
    complementAdresse: string | null;
    codePostal: string | null;
    ville: string | null;
    email: string | null;
    telephone: string | null;
  };
  structure: { id: string; raisonSociale: string; siret: string; email: string | null; telephone: string | null };
  demandeur: { nom: string; email: string } | null;
  decideur: { nom: string } | null;
  /** Computed now: the number of OTHER structures for which this SIRET is already validated. */
  valideAilleurs: number;
}

interface RawRow {
  id: string;
  status: DemandeStatut;
  motifRefus: string | null;
  alertes: string[];
  requestedAt: Date;
  decidedAt: Date | null;
  employeurId: string;
  numero: number;
  siret: string;
  raisonSociale: string;
  codeNaf: string | null;
  domaineActivite: string | null;
  adresse: string | null;
  complementAdresse: string | null;
  codePostal: string | null;
  ville: string | null;
  email: string | null;
  telephone: string | null;
  structureId: string;
  sRaisonSociale: string;
  sSiret: string;
  sEmail: string | null;
  sTelephone: string | null;
  rPrenom: string | null;
  rNom: string | null;
  rEmail: string | null;
  dPrenom: string | null;
  dNom: string | null;
  valideAilleurs: number;
}

const DAY = 24 * 60 * 60 * 1000;

function toRow(r: RawRow, now: Date): DemandeEmployeurRow {
  return {
    id: r.id,
    status: r.status,
    motifRefus: r.motifRefus,
    alertes: r.alertes ?? [],
    requestedAt: r.requestedAt,
    decidedAt: r.decidedAt,
    ageJours: Math.max(0, Math.floor((now.getTime() - r.requestedAt.getTime()) / DAY)),
    employeur: {
      id: r.employeurId,
      numero: r.numero,
      siret: r.siret,
      raisonSociale: r.raisonSociale,
      codeNaf: r.codeNaf,
      domaineActivite: r.domaineActivite,
      adresse: r.adresse,
      complementAdresse: r.complementAdresse,
      codePostal: r.codePostal,
      ville: r.ville,
      email: r.email,
      telephone: r.telephone,
    },
    structure: { id: r.structureId, raisonSociale: r.sRaisonSociale, siret: r.sSiret, email: r.sEmail, telephone: r.sTelephone },
    demandeur: r.rEmail ? { nom: `${r.rPrenom ?? ''} ${r.rNom ?? ''}`.trim(), email: r.rEmail } : null,
    decideur: r.dNom || r.dPrenom ? { nom: `${r.dPrenom ?? ''} ${r.dNom ?? ''}`.trim() } : null,
    valideAilleurs: r.valideAilleurs,
  };
}

/** Employer's or structure's raison sociale (accents and case ignored) or SIRET (spaces allowed). */
function searchCondition(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.empty;
  const digits = /^[\d\s.\u00a0]+$/.test(q) ? q.replace(/[\s.\u00a0]/g, '') : null;
  const pattern = escapeLike(digits ?? q);
  return Prisma.sql`AND (e."searchText" LIKE '%' || lower(unaccent(${pattern})) || '%'
    OR lower(unaccent(s."raisonSociale")) LIKE '%' || lower(unaccent(${pattern})) || '%'
    OR s."siret" LIKE '%' || ${pattern} || '%')`;
}

function orderBy(statut: DemandeStatut | undefined): Prisma.Sql {
  // pending: the oldest first (first come, first served); decided: the latest decision first
  return statut === 'EN_ATTENTE'
    ? Prisma.sql`ORDER BY se."requestedAt" ASC, se."id"`
    : Prisma.sql`ORDER BY se."decidedAt" DESC NULLS LAST, se."requestedAt" DESC, se."id"`;
}

/** One query: the rows with their employer, structure, requester and the « validated elsewhere » count. */
function selectRows(filters: { statut?: DemandeStatut; q?: string }, limit: number, offset: number) {
  const statut = filters.statut ? Prisma.sql`AND se."status" = CAST(${filters.statut} AS "LienEmployeurStatus")` : Prisma.empty;
  return db.$queryRaw<RawRow[]>`
    SELECT se."id", se."status"::text AS "status", se."motifRefus", se."alertes", se."requestedAt", se."decidedAt",
           e."id" AS "employeurId", e."numero", e."siret", e."raisonSociale", e."codeNaf", e."domaineActivite",
           e."adresse", e."complementAdresse", e."codePostal", e."ville", e."email", e."telephone",
           s."id" AS "structureId", s."raisonSociale" AS "sRaisonSociale", s."siret" AS "sSiret", s."email" AS "sEmail", s."telephone" AS "sTelephone",
           r."prenom" AS "rPrenom", r."nom" AS "rNom", r."email" AS "rEmail",
           d."prenom" AS "dPrenom", d."nom" AS "dNom",
           (SELECT count(*)::int FROM "StructureEmployeur" o
             WHERE o."employeurId" = se."employeurId" AND o."status" = 'VALIDE' AND o."structureId" <> se."structureId") AS "valideAilleurs"
    FROM "StructureEmployeur" se
    JOIN "Employeur" e ON e."id" = se."employeurId"
    JOIN "Structure" s ON s."id" = se."structureId"
    LEFT JOIN "User" r ON r."id" = se."requestedById"
    LEFT JOIN "User" d ON d."id" = se."decidedById"
    WHERE TRUE ${statut} ${searchCondition(filters.q)}
    ${orderBy(filters.statut)}
    LIMIT ${limit} OFFSET ${offset}`;
}

/** The queue of one status, 20 a page, with the counts of each status (for the same search). */
export async function listDemandesEmployeurs(actor: CurrentUser, filters: DemandesFilters & { page: number }) {
  await assertAdmin(actor);
  const now = new Date();
  const grouped = await db.$queryRaw<{ status: DemandeStatut; count: number }[]>`
    SELECT se."status"::text AS "status", count(*)::int AS "count"
    FROM "StructureEmployeur" se
    JOIN "Employeur" e ON e."id" = se."employeurId"
    JOIN "Structure" s ON s."id" = se."structureId"
    WHERE TRUE ${searchCondition(filters.q)}
    GROUP BY se."status"`;
  const counts: Record<DemandeStatut, number> = { EN_ATTENTE: 0, VALIDE: 0, REFUSE: 0 };
  for (const g of grouped) counts[g.status] = g.count;

  const total = counts[filters.statut];
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_EMPLOYEURS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page) || 1), pageCount);
  const raw = total === 0 ? [] : await selectRows(filters, ADMIN_EMPLOYEURS_PAGE_SIZE, (page - 1) * ADMIN_EMPLOYEURS_PAGE_SIZE);
  return { rows: raw.map((r) => toRow(r, now)), total, page, pageCount, counts };
}

export type DemandesEmployeursList = Awaited<ReturnType<typeof listDemandesEmployeurs>>;

/** Every row of the search for the CSV export (capped at 10 000); all statuses when none is given. */
export async function exportDemandesEmployeurs(actor: CurrentUser, filters: { statut?: DemandeStatut; q?: string }) {
  await assertAdmin(actor);
  const now = new Date();
  const raw = await selectRows(filters, ADMIN_EMPLOYEURS_EXPORT_MAX, 0);
  return raw.map((r) => toRow(r, now));
}

export interface BulkValidationResult {
  validated: number;
  validatedNames: string[];
  /** Requests that were no longer pending (decided meanwhile by someone else, or unknown). */
  alreadyDecided: { id: string; raisonSociale: string | null }[];
  notified: number;
}

/** « Valider la sélection »: each pending request validated on its own (decideEmployeurLink). */
export async function validerDemandesEmployeurs(admin: CurrentUser, linkIds: string[], opts: Options = {}): Promise<BulkValidationResult> {
  await assertAdmin(admin);
  const ids = [...new Set(linkIds)];
  if (ids.length === 0 || ids.length > ADMIN_EMPLOYEURS_BULK_MAX) {
    throw new UserFacingError(`Sélectionnez entre 1 et ${ADMIN_EMPLOYEURS_BULK_MAX} demandes.`);
  }
  const links = await db.structureEmployeur.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, employeur: { select: { raisonSociale: true } } },
  });
  const byId = new Map(links.map((l) => [l.id, l]));
  const result: BulkValidationResult = { validated: 0, validatedNames: [], alreadyDecided: [], notified: 0 };
  for (const id of ids) {
    const link = byId.get(id);
    if (!link || link.status !== 'EN_ATTENTE') {
      result.alreadyDecided.push({ id, raisonSociale: link?.employeur.raisonSociale ?? null });
      continue;
    }
    try {
      const decided = await decideEmployeurLink(admin, id, { status: 'VALIDE' }, opts);
      result.validated += 1;
      result.validatedNames.push(decided.raisonSociale);
      result.notified += decided.notified;
    } catch (error) {
      // decided by another admin between the read and the update: reported, the others go on
      if (!(error instanceof UserFacingError)) throw error;
      result.alreadyDecided.push({ id, raisonSociale: link.employeur.raisonSociale });
    }
  }
  return result;
}
