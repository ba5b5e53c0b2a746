import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { VITE_MON_STAGE_PAGE_SIZE, type NiveauStage } from '@/lib/validations/vite-mon-stage';

/** Nouvelle-Aquitaine's INSEE region code (the referential import uses the same). */
const REGION_NOUVELLE_AQUITAINE = '75';

/**
 * « Vite mon stage » is public: it lists the structures that volunteered to take 3e / 2de interns.
 * Only an active structure whose form is complete, and that ticked at least one box, is listed;
 * unticking a box (or a deactivation) removes it on the next request (the page is not cached).
 */
function listedWhere(niveau?: NiveauStage): Prisma.StructureWhereInput {
  return {
    active: true,
    completedAt: { not: null },
    ...(niveau === '3e'
      ? { accueilStagiaires3e: true }
      : niveau === '2de'
        ? { accueilStagiaires2de: true }
        : { OR: [{ accueilStagiaires3e: true }, { accueilStagiaires2de: true }] }),
  };
}

/**
 * What a visitor may see of a structure: the contact details the structure entered for this very
 * purpose. Nothing about its members (names, e-mails) and nothing internal (SIRET, ids) is read.
 */
const PUBLIC_STRUCTURE_FIELDS = {
  numero: true,
  raisonSociale: true,
  sigle: true,
  domaineActivite: true,
  codePostal: true,
  commune: true,
  departementCode: true,
  email: true,
  telephone: true,
  accueilStagiaires3e: true,
  accueilStagiaires2de: true,
} satisfies Prisma.StructureSelect;

export type StructureStage = Prisma.StructureGetPayload<{ select: typeof PUBLIC_STRUCTURE_FIELDS }>;

export interface ViteMonStageFilters {
  departement?: string;
  commune?: string;
  niveau?: NiveauStage;
  page?: number;
}

export interface ViteMonStageResults {
  structures: StructureStage[];
  total: number;
  /** The page actually shown: a page past the end shows the last one. */
  page: number;
  pageCount: number;
}

/** The 12 départements of Nouvelle-Aquitaine, by code. */
export async function listDepartementsNouvelleAquitaine() {
  return db.departement.findMany({
    where: { regionCode: REGION_NOUVELLE_AQUITAINE },
    orderBy: { code: 'asc' },
    select: { code: true, nom: true },
  });
}

/** The communes (of a département, or all) where at least one listed structure is, sorted by name. */
export async function listCommunesViteMonStage(departement?: string) {
  const rows = await db.structure.findMany({
    where: { ...listedWhere(), ...(departement ? { departementCode: departement } : {}) },
    distinct: ['communeInsee'],
    select: { communeInsee: true, commune: true, departementCode: true },
  });
  return rows
    .map((r) => ({ code: r.communeInsee, nom: r.commune, departementCode: r.departementCode }))
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr') || a.code.localeCompare(b.code));
}

/** One page of listed structures (sorted by commune, then name) and how many match in all. */
export async function searchViteMonStage(filters: ViteMonStageFilters): Promise<ViteMonStageResults> {
  const where: Prisma.StructureWhereInput = {
    ...listedWhere(filters.niveau),
    ...(filters.departement ? { departementCode: filters.departement } : {}),
    ...(filters.commune ? { communeInsee: filters.commune } : {}),
  };
  const size = VITE_MON_STAGE_PAGE_SIZE;
  const fetchPage = (page: number) =>
    db.structure.findMany({
      where,
      // the id breaks ties so that pages never overlap nor skip a structure
      orderBy: [{ commune: 'asc' }, { raisonSociale: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * size,
      take: size,
      select: PUBLIC_STRUCTURE_FIELDS,
    });

  const requested = Math.max(1, Math.floor(filters.page ?? 1));
  const [structures, total] = await Promise.all([fetchPage(requested), db.structure.count({ where })]);
  const pageCount = Math.max(1, Math.ceil(total / size));
  if (requested > pageCount && total > 0) {
    // an old link past the end (structures were removed since): show the last page instead
    return { structures: await fetchPage(pageCount), total, page: pageCount, pageCount };
  }
  return { structures, total, page: Math.min(requested, pageCount), pageCount };
}
