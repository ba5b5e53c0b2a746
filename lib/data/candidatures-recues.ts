import { countMap } from '@/lib/relation-counts';
import 'server-only';
import type { StaffUser } from '@/lib/auth/guards';
import type { OffreSnapshot, ProjetSnapshot } from '@/lib/candidatures/snapshots';
import { db } from '@/lib/db';
import type { CandidatureStatus, Prisma, ReponseType, TypeAlternance } from '@/lib/generated/prisma/client';

/**
 * « Candidatures » (Mon espace): the applications to the structure's offers. Every member of the
 * structure (gestionnaire or utilisateur) shares the same inbox; every query is scoped to the
 * caller's structure through the offer, so another structure's application is unknown here (null,
 * a 404), whatever its number. What is returned is read from the snapshots the application keeps
 * (the offer and the project as they were sent) and never holds the candidate's name, e-mail or
 * phone: staff know a candidate by his PROFIL number only.
 */

export const CANDIDATURES_RECUES_PAGE_SIZE = 20;

export type CandidatureStatut = CandidatureStatus;

export interface CandidaturesRecuesCounts {
  total: number;
  A_TRAITER: number;
  ACCEPTEE: number;
  REFUSEE: number;
}

/** The application as its snapshots keep it, whatever was stored (older or anonymised shapes). */
type ProjetVu = Partial<ProjetSnapshot> | null;

function scope(user: StaffUser, offreNumero?: number | null): Prisma.CandidatureWhereInput {
  return { offre: { structureId: user.membership.structure.id, ...(offreNumero ? { numero: offreNumero } : {}) } };
}

/** The three tabs' counts (one groupBy); they add up to the total. Optionally for one offer of the structure. */
export async function countCandidaturesRecues(user: StaffUser, offreNumero?: number | null): Promise<CandidaturesRecuesCounts> {
  const grouped = await db.candidature.groupBy({ by: ['status'], where: scope(user, offreNumero), _count: { _all: true } });
  const by = Object.fromEntries(grouped.map((g) => [g.status, g._count._all])) as Partial<Record<CandidatureStatus, number>>;
  const counts = { A_TRAITER: by.A_TRAITER ?? 0, ACCEPTEE: by.ACCEPTEE ?? 0, REFUSEE: by.REFUSEE ?? 0 };
  return { total: counts.A_TRAITER + counts.ACCEPTEE + counts.REFUSEE, ...counts };
}

/** What a card shows: the candidate's project as sent (types, durée, zone, diplôme) and the offer's métier. */
export interface CandidatureRecueCard {
  numero: number;
  createdAt: Date;
  status: CandidatureStatus;
  /** The candidate's PROFIL number (User.numero); null once he deleted his account. */
  profilNumero: number | null;
  anonymise: boolean;
  offre: { numero: number; metier: string };
  projet: {
    metier: string | null;
    types: TypeAlternance[];
    dureeAnnees: number | null;
    zoneRegion: boolean;
    departements: string[];
    diplomeIntitule: string | null;
    niveau: number | null;
  };
}

const CARD_SELECT = {
  numero: true,
  createdAt: true,
  status: true,
  anonymizedAt: true,
  offreSnapshot: true,
  projetSnapshot: true,
  candidat: { select: { numero: true } },
  offre: { select: { numero: true, metier: true } },
} as const satisfies Prisma.CandidatureSelect;

type CardRow = Prisma.CandidatureGetPayload<{ select: typeof CARD_SELECT }>;

function projetVu(p: ProjetVu) {
  return {
    metier: p?.metier ?? null,
    types: p?.types ?? [],
    dureeAnnees: p?.dureeAnnees ?? null,
    zoneRegion: p?.zoneRegion ?? false,
    departements: p?.departements ?? [],
    diplomeIntitule: p?.diplomeIntitule ?? null,
    niveau: p?.niveau ?? null,
  };
}

function toCard(row: CardRow): CandidatureRecueCard {
  const offre = row.offreSnapshot as Partial<OffreSnapshot> | null;
  const anonymise = row.anonymizedAt !== null || row.candidat === null;
  return {
    numero: row.numero,
    createdAt: row.createdAt,
    status: row.status,
    profilNumero: anonymise ? null : row.candidat!.numero,
    anonymise,
    offre: { numero: row.offre.numero, metier: offre?.metier ?? row.offre.metier },
    projet: projetVu(row.projetSnapshot as ProjetVu),
  };
}

export interface CandidaturesRecuesPage {
  items: CandidatureRecueCard[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page (20) of a tab, newest first; optionally the applications to one offer of the structure. */
export async function listCandidaturesRecues(
  user: StaffUser,
  filters: { status: CandidatureStatus; offreNumero?: number | null },
  page: number,
): Promise<CandidaturesRecuesPage> {
  const where: Prisma.CandidatureWhereInput = { ...scope(user, filters.offreNumero), status: filters.status };
  const current = Math.max(1, Math.floor(page) || 1);
  const [total, rows] = await Promise.all([
    db.candidature.count({ where }),
    db.candidature.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { numero: 'desc' }],
      skip: (current - 1) * CANDIDATURES_RECUES_PAGE_SIZE,
      take: CANDIDATURES_RECUES_PAGE_SIZE,
      select: CARD_SELECT,
    }),
  ]);
  return { items: rows.map(toCard), total, page: current, pageCount: Math.ceil(total / CANDIDATURES_RECUES_PAGE_SIZE) };
}

export interface OffreAvecCandidatures {
  numero: number;
  metier: string;
  candidatures: number;
}

/** The structure's offers that received at least one application, for « Filtrer par offre » (newest offer first). */
export async function listOffresAvecCandidatures(user: StaffUser): Promise<OffreAvecCandidatures[]> {
  const structureId = user.membership.structure.id;
  // the structure's applications grouped by offer (its offers' index), then those offers
  const counts = countMap(await db.candidature.groupBy({ by: ['offreId'], where: { offre: { structureId } }, _count: { _all: true } }), 'offreId');
  const rows = await db.offre.findMany({
    where: { structureId, id: { in: [...counts.keys()] } },
    orderBy: { numero: 'desc' },
    select: { id: true, numero: true, metier: true },
  });
  return rows.map((o) => ({ numero: o.numero, metier: o.metier, candidatures: counts.get(o.id) ?? 0 }));
}

export interface CandidatureRecueDetail {
  numero: number;
  createdAt: Date;
  status: CandidatureStatus;
  profilNumero: number | null;
  anonymise: boolean;
  message: string | null;
  /** The CV sent with it (downloaded through /api/candidatures/<numero>/cv), if any. */
  cv: { nom: string; taille: number | null } | null;
  /** A CV was sent, then deleted by the retention job: « CV supprimé (durée de conservation écoulée) ». */
  cvSupprime: boolean;
  offre: OffreSnapshot & { status: 'EN_COURS' | 'POURVUE' | 'ARCHIVEE' };
  projet: ReturnType<typeof projetVu> & {
    numero: number | null;
    formations: ProjetSnapshot['formations'];
    experiences: ProjetSnapshot['experiences'];
  };
  /** Once answered: which answer, its message, when and by which member (first and last name). */
  reponse: {
    type: ReponseType;
    message: string;
    answeredAt: Date | null;
    par: { prenom: string; nom: string } | null;
    parMoi: boolean;
  } | null;
}

/** One application to the structure's offers; null for another structure's or an unknown number (a 404). */
export async function getCandidatureRecue(user: StaffUser, numero: number): Promise<CandidatureRecueDetail | null> {
  const row = await db.candidature.findFirst({
    where: { numero, ...scope(user) },
    select: {
      numero: true,
      createdAt: true,
      status: true,
      anonymizedAt: true,
      message: true,
      cvNom: true,
      cvTaille: true,
      documentId: true,
      offreSnapshot: true,
      projetSnapshot: true,
      reponseType: true,
      reponseMessage: true,
      answeredAt: true,
      answeredById: true,
      answeredBy: { select: { prenom: true, nom: true } },
      candidat: { select: { numero: true } },
      offre: { select: { numero: true, status: true, metier: true, publishedAt: true } },
    },
  });
  if (!row) return null;
  const snapshot = (row.offreSnapshot ?? {}) as Partial<OffreSnapshot>;
  const p = row.projetSnapshot as ProjetVu;
  const anonymise = row.anonymizedAt !== null || row.candidat === null;
  return {
    numero: row.numero,
    createdAt: row.createdAt,
    status: row.status,
    profilNumero: anonymise ? null : row.candidat!.numero,
    anonymise,
    message: row.message,
    cv: row.documentId && row.cvNom ? { nom: row.cvNom, taille: row.cvTaille } : null,
    /** The CV was sent but deleted by the retention job (lib/jobs/rgpd-retention.ts): the name stays, the file is gone. */
    cvSupprime: !row.documentId && row.cvNom !== null,
    offre: {
      numero: row.offre.numero,
      metier: snapshot.metier ?? row.offre.metier,
      romeCode: snapshot.romeCode ?? '',
      types: snapshot.types ?? [],
      commune: snapshot.commune ?? null,
      codePostal: snapshot.codePostal ?? null,
      departementCode: snapshot.departementCode ?? null,
      dateEmbauche: snapshot.dateEmbauche ?? '',
      dureeMois: snapshot.dureeMois ?? null,
      publishedAt: snapshot.publishedAt ?? row.offre.publishedAt.toISOString(),
      employeur: snapshot.employeur ?? '',
      structure: snapshot.structure ?? '',
      diplomes: snapshot.diplomes ?? [],
      status: row.offre.status,
    },
    projet: {
      ...projetVu(p),
      numero: anonymise ? null : (p?.numero ?? null),
      formations: p?.formations ?? [],
      experiences: p?.experiences ?? [],
    },
    reponse:
      row.status === 'A_TRAITER' || !row.reponseType
        ? null
        : {
            type: row.reponseType,
            message: row.reponseMessage ?? '',
            answeredAt: row.answeredAt,
            par: row.answeredBy,
            parMoi: row.answeredById === user.id,
          },
  };
}
