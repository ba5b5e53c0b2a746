import { correspondance, romeParent } from '@/lib/alertes/matching';
import type { Prisma, TypeAlternance } from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/prisma-client';

/**
 * Keeps the Alerte rows true: called in the transaction that creates or changes a project or an
 * offer (and by the seed). SQL only narrows the candidates (same ROME domain, a shared type, the
 * zone); `correspondance` decides and explains. A dismissed alert stays dismissed while it still
 * matches; an alert that no longer matches is removed.
 */

type Tx = Prisma.TransactionClient | DbClient;

/** An offer raises at most this many alerts (the best ones): a structure reads them, it does not page through thousands. */
export const ALERTES_PAR_OFFRE_MAX = 200;

interface OffreRow {
  id: string;
  structureId: string;
  romeCode: string;
  types: TypeAlternance[];
  departementCode: string | null;
  niveaux: (number | null)[];
}

interface ProjetRow {
  id: string;
  romeCode: string;
  types: TypeAlternance[];
  zoneRegion: boolean;
  departements: string[];
  niveau: number | null;
}

/** One statement for all the rows (an offer may raise up to ALERTES_PAR_OFFRE_MAX). */
async function upsertAlertes(tx: Tx, rows: { structureId: string; offreId: string; projetId: string; score: number; raisons: string[] }[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "Alerte" ("id", "structureId", "offreId", "projetId", "score", "raisons", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, x."structureId", x."offreId", x."projetId", x."score", x."raisons", now(), now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("structureId" text, "offreId" text, "projetId" text, "score" int, "raisons" text[])
    ON CONFLICT ("offreId", "projetId") DO UPDATE SET
      "score" = EXCLUDED."score", "raisons" = EXCLUDED."raisons", "structureId" = EXCLUDED."structureId",
      "updatedAt" = CASE WHEN ("Alerte"."score", "Alerte"."raisons") IS DISTINCT FROM (EXCLUDED."score", EXCLUDED."raisons")
                         THEN now() ELSE "Alerte"."updatedAt" END`;
}

/** ROME codes of the same domain (« F16 » → F1600…F1699), as a range the btree indexes serve. */
function domainRange(romeCode: string): [string, string] {
  const parent = romeParent(romeCode);
  return [parent, `${parent}Z`];
}

/** After a project was created or changed (or its consent withdrawn). */
export async function refreshAlertesForProjet(tx: Tx, projetId: string): Promise<number> {
  const projet = await tx.projet.findUnique({
    where: { id: projetId },
    select: { id: true, romeCode: true, types: true, zoneRegion: true, departements: true, niveau: true, visible: true, candidat: { select: { active: true } } },
  });
  if (!projet || !projet.visible || !projet.candidat.active) {
    await tx.alerte.deleteMany({ where: { projetId } });
    return 0;
  }
  const offres = await tx.$queryRaw<OffreRow[]>`
    SELECT o."id", o."structureId", o."romeCode", o."types"::text[] AS "types", o."departementCode",
      COALESCE((SELECT array_agg(d."niveau") FROM "OffreDiplome" d WHERE d."offreId" = o."id"), '{}') AS "niveaux"
    FROM "Offre" o
    JOIN "Structure" s ON s."id" = o."structureId" AND s."active"
    WHERE o."status" = 'EN_COURS'
      AND o."romeCode" >= ${domainRange(projet.romeCode)[0]} AND o."romeCode" < ${domainRange(projet.romeCode)[1]}
      AND o."types" && ${projet.types}::"TypeAlternance"[]
      AND (${projet.zoneRegion} OR o."departementCode" IS NULL OR o."departementCode" = ANY(${projet.departements}::text[]))`;
  const matches = offres.flatMap((o) => {
    const c = correspondance(projet, o);
    return c ? [{ structureId: o.structureId, offreId: o.id, projetId: projet.id, ...c }] : [];
  });
  await tx.alerte.deleteMany({ where: { projetId, offreId: { notIn: matches.map((m) => m.offreId) } } });
  await upsertAlertes(tx, matches);
  return matches.length;
}

/** After an offer was created, changed, or put back « En cours ». */
export async function refreshAlertesForOffre(tx: Tx, offreId: string): Promise<number> {
  const rows = await tx.$queryRaw<OffreRow[]>`
    SELECT o."id", o."structureId", o."romeCode", o."types"::text[] AS "types", o."departementCode",
      COALESCE((SELECT array_agg(d."niveau") FROM "OffreDiplome" d WHERE d."offreId" = o."id"), '{}') AS "niveaux"
    FROM "Offre" o WHERE o."id" = ${offreId} AND o."status" = 'EN_COURS'`;
  const offre = rows[0];
  if (!offre) {
    await tx.alerte.deleteMany({ where: { offreId } });
    return 0;
  }
  const projets = await tx.$queryRaw<ProjetRow[]>`
    SELECT p."id", p."romeCode", p."types"::text[] AS "types", p."zoneRegion", p."departements", p."niveau"
    FROM "Projet" p
    JOIN "User" u ON u."id" = p."candidatId" AND u."active"
    WHERE p."visible"
      AND p."romeCode" >= ${domainRange(offre.romeCode)[0]} AND p."romeCode" < ${domainRange(offre.romeCode)[1]}
      AND p."types" && ${offre.types}::"TypeAlternance"[]
      AND (${offre.departementCode}::text IS NULL OR p."zoneRegion" OR ${offre.departementCode}::text = ANY(p."departements"))`;
  const matches = projets
    .flatMap((p) => {
      const c = correspondance(p, offre);
      return c ? [{ structureId: offre.structureId, offreId: offre.id, projetId: p.id, ...c }] : [];
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, ALERTES_PAR_OFFRE_MAX);
  await tx.alerte.deleteMany({ where: { offreId, projetId: { notIn: matches.map((m) => m.projetId) } } });
  await upsertAlertes(tx, matches);
  return matches.length;
}
