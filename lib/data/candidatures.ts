import 'server-only';
import type { StaffUser } from '@/lib/auth/guards';
import type { CurrentUser } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/data/audit';
import { offreSnapshotOf, type OffreSnapshot, type ProjetSnapshot } from '@/lib/candidatures/snapshots';
import { projetSnapshot } from '@/lib/data/candidat';
import { createNotification } from '@/lib/data/notifications';
import { db } from '@/lib/db';
import { nouvelleCandidatureEmail, reponseCandidatureEmail } from '@/lib/email/templates/candidatures';
import { enqueueEmail } from '@/lib/email/send';
import { appUrl } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { formatNumero } from '@/lib/format';
import type { CandidatureStatus, Prisma, ReponseType } from '@/lib/generated/prisma/client';
import { offrePubliqueWith, statutOffrePubliqueWith } from '@/lib/offres-publiques-query';
import { CANDIDATURES_PAR_JOUR, CANDIDATURE_MESSAGES, REPONSE_MESSAGES, type PostulerData } from '@/lib/validations/candidat';

/**
 * Applications. A candidate applies to a public offer « En cours » with one of his projects, an
 * optional message and optionally his current CV; the application keeps a snapshot of the offer
 * and of the project as they were, so the structure reads what the candidate sent even if either
 * changes later. A candidate reads only his own applications; a structure only those to its offers.
 */

type Tx = Prisma.TransactionClient;

/**
 * Concurrent submits of one candidate queue on his row lock, and concurrent answers on the
 * application's row: under load, Prisma's defaults (2 s to get a connection, 5 s in all) would
 * turn the wait into an unexpected error instead of « déjà postulé » / « déjà répondu ».
 */
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

type Candidat = Pick<CurrentUser, 'id' | 'role'>;

export type { OffreSnapshot };

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything « Postuler » shows: the offer, the candidate's projects and CV, and whether he already applied. */
export async function getPostulerContext(user: Pick<CurrentUser, 'id'>, offreNumero: number) {
  const offre = await offrePubliqueWith(db, offreNumero);
  if (!offre) return null;
  const [projets, cv, existing, recent] = await Promise.all([
    db.projet.findMany({
      where: { candidatId: user.id },
      orderBy: { createdAt: 'desc' },
      select: { numero: true, metier: true, types: true, diplomeIntitule: true, visible: true },
    }),
    db.document.findFirst({ where: { ownerId: user.id, type: 'CV', deletedAt: null }, select: { id: true, filename: true, size: true, createdAt: true } }),
    db.candidature.findFirst({ where: { candidatId: user.id, offre: { numero: offreNumero } }, select: { numero: true, createdAt: true } }),
    db.candidature.count({ where: { candidatId: user.id, createdAt: { gt: new Date(Date.now() - DAY_MS) } } }),
  ]);
  return { offre, projets, cv, existing, limiteAtteinte: recent >= CANDIDATURES_PAR_JOUR };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

export async function postuler(user: Candidat, offreNumero: number, data: PostulerData, ip?: string | null): Promise<{ numero: number }> {
  if (user.role !== 'CANDIDAT') throw new UserFacingError('Seuls les candidats peuvent postuler.');
  try {
    return await db.$transaction(async (tx) => {
      // one candidate's applications are serialised: the daily limit holds under concurrent submits
      await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;

      const statut = await statutOffrePubliqueWith(tx, offreNumero);
      if (statut === null) throw new UserFacingError(CANDIDATURE_MESSAGES.offreIntrouvable);
      if (statut !== 'EN_COURS') throw new UserFacingError(CANDIDATURE_MESSAGES.offreFermee);
      const offre = await tx.offre.findUniqueOrThrow({
        where: { numero: offreNumero },
        select: {
          id: true,
          numero: true,
          metier: true,
          romeCode: true,
          types: true,
          commune: true,
          codePostal: true,
          departementCode: true,
          dateEmbauche: true,
          dureeMois: true,
          publishedAt: true,
          structureId: true,
          employeur: { select: { raisonSociale: true } },
          structure: { select: { raisonSociale: true } },
          diplomes: { select: { intitule: true, niveau: true }, orderBy: [{ niveau: 'asc' }, { intitule: 'asc' }] },
          referent: { select: { id: true, email: true, prenom: true, active: true } },
        },
      });

      const already = await tx.candidature.findFirst({ where: { offreId: offre.id, candidatId: user.id }, select: { id: true } });
      if (already) throw new UserFacingError(CANDIDATURE_MESSAGES.dejaPostule);

      const recent = await tx.candidature.count({ where: { candidatId: user.id, createdAt: { gt: new Date(Date.now() - DAY_MS) } } });
      if (recent >= CANDIDATURES_PAR_JOUR) throw new UserFacingError(CANDIDATURE_MESSAGES.limite);

      const projet = await tx.projet.findFirst({ where: { numero: data.projetNumero, candidatId: user.id }, select: { id: true } });
      if (!projet) throw new UserFacingError(CANDIDATURE_MESSAGES.projet, { projetNumero: CANDIDATURE_MESSAGES.projet });

      let cv: { id: string; filename: string; size: number } | null = null;
      if (data.joindreCv) {
        cv = await tx.document.findFirst({ where: { ownerId: user.id, type: 'CV', deletedAt: null }, select: { id: true, filename: true, size: true } });
        if (!cv) throw new UserFacingError(CANDIDATURE_MESSAGES.cvManquant, { joindreCv: CANDIDATURE_MESSAGES.cvManquant });
      }

      const offreSnapshot = offreSnapshotOf(offre);
      const candidature = await tx.candidature.create({
        data: {
          offreId: offre.id,
          candidatId: user.id,
          projetId: projet.id,
          documentId: cv?.id ?? null,
          message: data.message,
          offreSnapshot: offreSnapshot as unknown as Prisma.InputJsonValue,
          projetSnapshot: (await projetSnapshot(tx, projet.id)) as unknown as Prisma.InputJsonValue,
          cvNom: cv?.filename ?? null,
          cvTaille: cv?.size ?? null,
        },
        select: { id: true, numero: true },
      });

      // the référent is told; without an active référent, the structure's gestionnaires are
      const recipients = offre.referent?.active
        ? [offre.referent]
        : (
            await tx.membership.findMany({
              where: { structureId: offre.structureId, role: 'GESTIONNAIRE', user: { active: true } },
              select: { user: { select: { id: true, email: true, prenom: true, active: true } } },
            })
          ).map((m) => m.user);
      const numeroCandidature = formatNumero('candidature', candidature.numero);
      const numeroOffre = formatNumero('offre', offre.numero);
      const lien = `/mon-espace/candidatures/${candidature.numero}`;
      for (const r of recipients) {
        await createNotification(tx, {
          userId: r.id,
          type: 'NOUVELLE_CANDIDATURE',
          titre: `Nouvelle candidature à l'offre ${offre.metier}`,
          corps: `Candidature N°${numeroCandidature} — OFFRE ${numeroOffre} : à traiter.`,
          lien,
        });
        await enqueueEmail(tx, {
          to: r.email,
          ...nouvelleCandidatureEmail({ prenom: r.prenom, metier: offre.metier, offreNumero: numeroOffre, candidatureNumero: numeroCandidature, url: `${appUrl()}${lien}` }),
        });
      }
      await writeAudit(tx, {
        actorId: user.id,
        action: 'candidature.envoi',
        entityType: 'Candidature',
        entityId: candidature.id,
        after: { numero: candidature.numero, offre: offre.numero, cv: cv !== null },
        ip,
      });
      return { numero: candidature.numero };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(CANDIDATURE_MESSAGES.dejaPostule);
    throw error;
  }
}

export const MES_CANDIDATURES_PAGE_SIZE = 10;

const MA_CANDIDATURE_SELECT = {
  numero: true,
  createdAt: true,
  status: true,
  reponseType: true,
  reponseMessage: true,
  answeredAt: true,
  message: true,
  cvNom: true,
  cvTaille: true,
  documentId: true,
  offreSnapshot: true,
  projetSnapshot: true,
  offre: { select: { numero: true, status: true } },
} as const satisfies Prisma.CandidatureSelect;

function withSnapshots<T extends { offreSnapshot: unknown; projetSnapshot: unknown }>(row: T) {
  return { ...row, offreSnapshot: row.offreSnapshot as OffreSnapshot, projetSnapshot: row.projetSnapshot as ProjetSnapshot | null };
}

export async function listMyCandidatures(user: Pick<CurrentUser, 'id'>, page: number) {
  const where = { candidatId: user.id };
  const [total, rows] = await Promise.all([
    db.candidature.count({ where }),
    db.candidature.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { numero: 'desc' }],
      skip: (page - 1) * MES_CANDIDATURES_PAGE_SIZE,
      take: MES_CANDIDATURES_PAGE_SIZE,
      select: MA_CANDIDATURE_SELECT,
    }),
  ]);
  return { total, items: rows.map(withSnapshots), pages: Math.max(1, Math.ceil(total / MES_CANDIDATURES_PAGE_SIZE)) };
}
export type MaCandidature = Awaited<ReturnType<typeof listMyCandidatures>>['items'][number];

/** null for someone else's application (a 404), whatever its number. */
export async function getMyCandidature(user: Pick<CurrentUser, 'id'>, numero: number): Promise<MaCandidature | null> {
  const row = await db.candidature.findFirst({ where: { numero, candidatId: user.id }, select: MA_CANDIDATURE_SELECT });
  return row ? withSnapshots(row) : null;
}

const STATUS_FOR: Record<ReponseType, CandidatureStatus> = { ENTRETIEN: 'ACCEPTEE', REFUS: 'REFUSEE' };

/**
 * « Répondre à cette candidature »: a member of the structure that owns the offer answers once
 * (« Organiser un entretien / obtenir plus d'informations » or a refusal) with a message. The
 * status changes only from « À traiter » (a conditional update: of simultaneous answers exactly
 * one wins); the candidate gets a notification and an e-mail in the same transaction.
 */
export async function answerCandidature(
  user: StaffUser,
  numero: number,
  data: { type: ReponseType; message: string },
  ip?: string | null,
): Promise<void> {
  await db.$transaction(async (tx: Tx) => {
    const c = await tx.candidature.findFirst({
      where: { numero, offre: { structureId: user.membership.structure.id } },
      select: {
        id: true,
        candidatId: true,
        candidat: { select: { email: true, prenom: true } },
        offre: { select: { numero: true, metier: true } },
      },
    });
    if (!c) throw new UserFacingError(CANDIDATURE_MESSAGES.introuvable);
    const { count } = await tx.candidature.updateMany({
      where: { id: c.id, status: 'A_TRAITER' },
      data: { status: STATUS_FOR[data.type], reponseType: data.type, reponseMessage: data.message, answeredById: user.id, answeredAt: new Date() },
    });
    if (count === 0) throw new UserFacingError(REPONSE_MESSAGES.dejaRepondu);
    if (c.candidatId && c.candidat) {
      const lien = `/candidat/candidatures/${numero}`;
      await createNotification(tx, {
        userId: c.candidatId,
        type: 'REPONSE_CANDIDATURE',
        titre: data.type === 'ENTRETIEN' ? `Entretien proposé : ${c.offre.metier}` : `Candidature non retenue : ${c.offre.metier}`,
        corps: data.message,
        lien,
      });
      await enqueueEmail(tx, {
        to: c.candidat.email,
        ...reponseCandidatureEmail({
          prenom: c.candidat.prenom,
          metier: c.offre.metier,
          offreNumero: formatNumero('offre', c.offre.numero),
          type: data.type,
          message: data.message,
          structure: user.membership.structure.raisonSociale,
          url: `${appUrl()}${lien}`,
        }),
      });
    }
    await writeAudit(tx, {
      actorId: user.id,
      action: 'candidature.reponse',
      entityType: 'Candidature',
      entityId: c.id,
      before: { status: 'A_TRAITER' },
      after: { status: STATUS_FOR[data.type], reponseType: data.type },
      ip,
    });
  }, TX_OPTIONS);
}
