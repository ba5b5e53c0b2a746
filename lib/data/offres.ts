import 'server-only';
import { refreshAlertesForOffre } from '@/lib/alertes/refresh';
import { findValidatedEmployeurFor, listValidatedEmployeursFor } from '@/lib/data/employeurs';
import { notFound } from 'next/navigation';
import type { StaffUser } from '@/lib/auth/guards';
import { writeAudit } from '@/lib/data/audit';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { refreshOffreSearchText } from '@/lib/search';
import { OFFRE_MESSAGES, isoDay, todayParis, type OffreData } from '@/lib/validations/offre';

/**
 * « Créer une offre », the offer's detail page for staff, « Modifier ». Every query is scoped to
 * the caller's structure: another structure's offer, employer or member is refused as unknown.
 * All members of the structure (GESTIONNAIRE and UTILISATEUR) manage its offers.
 */

type Tx = Prisma.TransactionClient;

export const OFFRE_CHANGED_MESSAGE = "Cette offre a changé entre-temps (son statut a été modifié) : rechargez la page puis enregistrez de nouveau.";

// ───────────────────────────── Form options ─────────────────────────────

export interface EmployeurOption {
  id: string;
  raisonSociale: string;
  adresse: string | null;
  complementAdresse: string | null;
  codePostal: string | null;
  communeInsee: string | null;
  ville: string | null;
}

export interface MembreOption {
  id: string;
  prenom: string;
  nom: string;
}

/** The structure's validated employers (the only ones an offer may name) and its members (référents). */
export async function getOffreFormOptions(user: StaffUser): Promise<{ employeurs: EmployeurOption[]; membres: MembreOption[] }> {
  const structureId = user.membership.structure.id;
  const [employeurs, membres] = await Promise.all([
    listValidatedEmployeursFor(user),
    db.membership.findMany({
      where: { structureId, user: { active: true } },
      select: { user: { select: { id: true, prenom: true, nom: true } } },
      orderBy: [{ user: { nom: 'asc' } }, { user: { prenom: 'asc' } }],
    }),
  ]);
  return { employeurs, membres: membres.map((m) => m.user) };
}

// ───────────────────────────── Checks shared by create and update ─────────────────────────────

interface Existing {
  diplomes: { certificationId: string | null; intitule: string; niveau: number | null }[];
}

/**
 * Everything the form chose, checked against the database within the transaction: the employer
 * is VALIDE for this structure, the référent is a member of it, the appellation, the commune and
 * the certifications exist. The snapshots (métier, diplômes) are taken from the referentials,
 * never from the client.
 */
async function resolveChoices(tx: Tx, structureId: string, data: OffreData, existing?: Existing) {
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;

  const lien = await tx.structureEmployeur.findFirst({
    where: { structureId, employeurId: data.employeurId, status: 'VALIDE' },
    select: { employeurId: true },
  });
  if (!lien) {
    fieldErrors.employeurId = OFFRE_MESSAGES.employeurNonValide;
    formError = OFFRE_MESSAGES.employeurNonValide;
  }

  const appellation = await tx.romeAppellation.findUnique({
    where: { code: data.appellationCode },
    select: { code: true, libelle: true, romeCode: true, version: true },
  });
  if (!appellation) fieldErrors.appellationCode = OFFRE_MESSAGES.metierInconnu;

  let commune: { nom: string; departementCode: string } | null = null;
  if (data.communeInsee && data.codePostal) {
    commune = await tx.commune.findFirst({
      where: { code: data.communeInsee, codesPostaux: { has: data.codePostal } },
      select: { nom: true, departementCode: true },
    });
    if (!commune) fieldErrors.communeInsee = OFFRE_MESSAGES.communeInconnue;
  }

  const membre = await tx.membership.findFirst({
    where: { structureId, userId: data.referentId, user: { active: true } },
    select: { userId: true },
  });
  if (!membre) fieldErrors.referentId = OFFRE_MESSAGES.referent;

  const ids = data.diplomes.map((d) => d.certificationId).filter((id): id is string => id !== null);
  const certifications = ids.length
    ? await tx.certification.findMany({ where: { id: { in: ids } }, select: { id: true, intitule: true, niveau: true } })
    : [];
  const byId = new Map(certifications.map((c) => [c.id, c]));
  const diplomes: { certificationId: string | null; intitule: string; niveau: number | null }[] = [];
  for (const d of data.diplomes) {
    if (d.certificationId) {
      const c = byId.get(d.certificationId);
      if (!c) {
        fieldErrors.diplomes = OFFRE_MESSAGES.diplomeInconnu;
        continue;
      }
      diplomes.push({ certificationId: c.id, intitule: c.intitule, niveau: c.niveau });
    } else {
      // a diplôme an older offer held without a referential link: kept as it was, never invented
      const kept = existing?.diplomes.find((e) => e.certificationId === null && e.intitule === d.intitule);
      if (!kept) {
        fieldErrors.diplomes = OFFRE_MESSAGES.diplomeInconnu;
        continue;
      }
      diplomes.push(kept);
    }
  }
  if (!fieldErrors.diplomes && new Set(diplomes.map((d) => d.intitule.toLowerCase())).size !== diplomes.length) {
    fieldErrors.diplomes = OFFRE_MESSAGES.diplomeDoublon;
  }

  if (Object.keys(fieldErrors).length > 0 || !appellation) {
    throw new UserFacingError(formError ?? 'Le formulaire contient des erreurs : corrigez les champs indiqués.', fieldErrors);
  }

  const fields = {
    types: data.types,
    employeurId: data.employeurId,
    appellationCode: appellation.code,
    romeCode: appellation.romeCode,
    romeVersion: appellation.version,
    metier: appellation.libelle,
    description: data.description ?? null,
    adresse: data.adresse,
    complementAdresse: data.complementAdresse ?? null,
    codePostal: commune ? data.codePostal! : null,
    communeInsee: commune ? data.communeInsee! : null,
    commune: commune?.nom ?? null,
    departementCode: commune?.departementCode ?? null,
    dateEmbauche: new Date(`${data.dateEmbauche}T00:00:00Z`),
    dureeMois: data.dureeMois ?? null,
    nombrePostes: data.nombrePostes ?? 1,
    referentId: data.referentId,
  };
  return { fields, diplomes };
}

type Fields = Awaited<ReturnType<typeof resolveChoices>>['fields'];

function auditView(fields: Fields, diplomes: { intitule: string; niveau: number | null }[], extra: Record<string, unknown> = {}) {
  return JSON.parse(
    JSON.stringify({ ...fields, dateEmbauche: isoDay(fields.dateEmbauche), diplomes: diplomes.map((d) => ({ intitule: d.intitule, niveau: d.niveau })), ...extra }),
  ) as Prisma.InputJsonValue;
}

// ───────────────────────────── Create ─────────────────────────────

/** « VALIDER »: the offer is published at once (EN_COURS, publishedAt now). */
export async function createOffreFor(user: StaffUser, data: OffreData, ip: string | null): Promise<{ numero: number }> {
  const structureId = user.membership.structure.id;
  return db.$transaction(async (tx) => {
    const { fields, diplomes } = await resolveChoices(tx, structureId, data);
    const now = new Date();
    const offre = await tx.offre.create({
      data: {
        ...fields,
        structureId,
        createdById: user.id,
        status: 'EN_COURS',
        publishedAt: now,
      },
      select: { id: true, numero: true },
    });
    await tx.offreDiplome.createMany({ data: diplomes.map((d) => ({ ...d, offreId: offre.id })) });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'offre.creation',
      entityType: 'Offre',
      entityId: offre.id,
      after: auditView(fields, diplomes, { numero: offre.numero, status: 'EN_COURS' }),
      ip,
    });
    await refreshOffreSearchText(tx, offre.id);
    await refreshAlertesForOffre(tx, offre.id);
    return { numero: offre.numero };
  });
}

// ───────────────────────────── Read ─────────────────────────────

const OFFRE_DETAIL_SELECT = {
  id: true,
  numero: true,
  status: true,
  types: true,
  appellationCode: true,
  romeCode: true,
  romeVersion: true,
  metier: true,
  description: true,
  adresse: true,
  complementAdresse: true,
  codePostal: true,
  communeInsee: true,
  commune: true,
  dateEmbauche: true,
  dureeMois: true,
  nombrePostes: true,
  publishedAt: true,
  pourvueAt: true,
  archivedAt: true,
  motifDepublication: true,
  createdAt: true,
  updatedAt: true,
  employeurId: true,
  employeur: { select: { raisonSociale: true } },
  referentId: true,
  referent: { select: { prenom: true, nom: true } },
  diplomes: { select: { certificationId: true, intitule: true, niveau: true }, orderBy: { id: 'asc' } },
} satisfies Prisma.OffreSelect;

export type OffreDetail = Prisma.OffreGetPayload<{ select: typeof OFFRE_DETAIL_SELECT }> & { candidatures: number };

/** One offer of the caller's structure, with its number of applications; another structure's or an unknown number → 404. */
export async function getOffre(user: StaffUser, numero: number): Promise<OffreDetail> {
  const offre = await db.offre.findFirst({
    where: { numero, structureId: user.membership.structure.id },
    select: OFFRE_DETAIL_SELECT,
  });
  if (!offre) notFound();
  // not a relation _count (lib/relation-counts.ts): the offer's own rows, by its index
  return { ...offre, candidatures: await db.candidature.count({ where: { offreId: offre.id } }) };
}

/** Whether the offer's employer is still VALIDE for the structure (the form warns otherwise). */
export async function isEmployeurValide(user: StaffUser, employeurId: string): Promise<boolean> {
  return (await findValidatedEmployeurFor(user, employeurId)) !== null;
}

// ───────────────────────────── Update ─────────────────────────────

export type UpdateOutcome = 'enregistree' | 'reactivee';

/**
 * « Enregistrer ». An ARCHIVEE offer is published again (EN_COURS, publishedAt now: the 6-month
 * auto-archive clock restarts) — unless the CMonAlternance team unpublished it. POURVUE stays POURVUE.
 */
export async function updateOffreFor(user: StaffUser, numero: number, data: OffreData, ip: string | null): Promise<{ numero: number; outcome: UpdateOutcome }> {
  const structureId = user.membership.structure.id;
  return db.$transaction(async (tx) => {
    // scalars only, then the diplômes: Prisma runs relation reads of one query concurrently, which
    // a transaction's single connection does not like (pg's « client is already executing » warning)
    const offre = await tx.offre.findFirst({ where: { numero, structureId }, omit: { searchText: true } });
    if (!offre) throw new UserFacingError(OFFRE_MESSAGES.offreIntrouvable);
    const existing = {
      ...offre,
      diplomes: await tx.offreDiplome.findMany({ where: { offreId: offre.id }, select: { certificationId: true, intitule: true, niveau: true }, orderBy: { id: 'asc' } }),
    };

    const reactivation = existing.status === 'ARCHIVEE' && !existing.motifDepublication;
    // a past hiring date may stay as it was, but not be chosen anew nor republished
    if (data.dateEmbauche < todayParis() && (data.dateEmbauche !== isoDay(existing.dateEmbauche) || reactivation)) {
      throw new UserFacingError('Le formulaire contient des erreurs : corrigez les champs indiqués.', { dateEmbauche: OFFRE_MESSAGES.datePassee });
    }

    const { fields, diplomes } = await resolveChoices(tx, structureId, data, existing);
    const now = new Date();
    // an offer « En cours » whose référent was warned of its archiving is kept online by saving it,
    // as the warning e-mail says: its 6-month clock restarts too
    const prolongation = existing.status === 'EN_COURS' && existing.archiveWarnedAt !== null;
    const statusChange = reactivation
      ? { status: 'EN_COURS' as const, publishedAt: now, archivedAt: null, archiveWarnedAt: null }
      : prolongation
        ? { publishedAt: now, archiveWarnedAt: null }
        : {};

    // the status is re-checked by the write itself: a concurrent « POURVUE » / « ARCHIVER » wins
    const { count } = await tx.offre.updateMany({ where: { id: existing.id, status: existing.status }, data: { ...fields, ...statusChange } });
    if (count !== 1) throw new UserFacingError(OFFRE_CHANGED_MESSAGE);
    await tx.offreDiplome.deleteMany({ where: { offreId: existing.id } });
    await tx.offreDiplome.createMany({ data: diplomes.map((d) => ({ ...d, offreId: existing.id })) });

    const before: Fields = {
      types: existing.types,
      employeurId: existing.employeurId,
      appellationCode: existing.appellationCode,
      romeCode: existing.romeCode,
      romeVersion: existing.romeVersion,
      metier: existing.metier,
      description: existing.description,
      adresse: existing.adresse,
      complementAdresse: existing.complementAdresse,
      codePostal: existing.codePostal,
      communeInsee: existing.communeInsee,
      commune: existing.commune,
      departementCode: existing.departementCode,
      dateEmbauche: existing.dateEmbauche,
      dureeMois: existing.dureeMois,
      nombrePostes: existing.nombrePostes,
      referentId: existing.referentId ?? '',
    };
    await writeAudit(tx, {
      actorId: user.id,
      action: 'offre.modification',
      entityType: 'Offre',
      entityId: existing.id,
      before: auditView(before, existing.diplomes, { status: existing.status, publishedAt: existing.publishedAt.toISOString() }),
      after: auditView(fields, diplomes, {
        status: reactivation ? 'EN_COURS' : existing.status,
        publishedAt: (reactivation || prolongation ? now : existing.publishedAt).toISOString(),
      }),
      ip,
    });
    await refreshOffreSearchText(tx, existing.id);
    await refreshAlertesForOffre(tx, existing.id);
    return { numero: existing.numero, outcome: reactivation ? 'reactivee' : 'enregistree' };
  });
}
