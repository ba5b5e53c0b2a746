import 'server-only';
import type { StaffUser } from '@/lib/auth/guards';
import type { CurrentUser } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/data/audit';
import { createNotification } from '@/lib/data/notifications';
import { consume, RATE_LIMITS } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/send';
import { contactProfilEmail } from '@/lib/email/templates/candidatures';
import { appUrl } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { formatNumero } from '@/lib/format';
import type { Prisma } from '@/lib/generated/prisma/client';
import { FAVORIS_PAGE_SIZE, PROFIL_MESSAGES, type ContactProfilData } from '@/lib/validations/profils-contact';

/**
 * « Détail projet », « Profils favoris » and « CONTACTER CE PROFIL » (staff), and the candidate's
 * « Mes messages ».
 *
 * Staff only ever reach a project whose candidate consented (visible = true) and whose account is
 * active: anything else answers as unknown (null → 404, or « introuvable » in an action), whatever
 * its number. What staff read never carries the candidate's name, e-mail or phone: only his public
 * PROFIL number. Favourites belong to the member of staff, not to the structure; messages are
 * written in the name of the member's structure.
 */

/** The projects staff may see: consent given, candidate active and not anonymised. */
export const PROJET_VISIBLE_WHERE = {
  visible: true,
  candidat: { active: true, anonymizedAt: null, role: 'CANDIDAT' },
} as const satisfies Prisma.ProjetWhereInput;

/** What a card shows (« Profils favoris », and the search results when they use components/espace/projet-card.tsx). */
export const PROJET_RESUME_SELECT = {
  numero: true,
  metier: true,
  types: true,
  niveau: true,
  diplomeIntitule: true,
} as const satisfies Prisma.ProjetSelect;

export async function getProfilForStaff(user: StaffUser, numero: number) {
  const p = await db.projet.findFirst({
    where: { numero, ...PROJET_VISIBLE_WHERE },
    select: {
      id: true,
      ...PROJET_RESUME_SELECT,
      dureeAnnees: true,
      zoneRegion: true,
      departements: true,
      formations: { orderBy: { position: 'asc' }, select: { intitule: true, statut: true, annee: true } },
      experiences: {
        orderBy: { position: 'asc' },
        select: { type: true, intitule: true, entreprise: true, dureeSemaines: true, dureeJours: true, missions: true },
      },
      candidat: { select: { numero: true } },
      favoris: { where: { userId: user.id }, select: { id: true }, take: 1 },
    },
  });
  if (!p) return null;
  // colleagues see that the structure already wrote about this project (and avoid writing twice)
  const contacts = await db.message.aggregate({
    where: { projetId: p.id, structureId: user.membership.structure.id },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  return {
    numero: p.numero,
    metier: p.metier,
    types: p.types,
    niveau: p.niveau,
    diplomeIntitule: p.diplomeIntitule,
    dureeAnnees: p.dureeAnnees,
    zoneRegion: p.zoneRegion,
    departements: p.departements,
    formations: p.formations,
    experiences: p.experiences,
    profilNumero: p.candidat.numero,
    isFavori: p.favoris.length > 0,
    contacts: { count: contacts._count._all, dernier: contacts._max.createdAt },
  };
}
export type ProfilDetail = NonNullable<Awaited<ReturnType<typeof getProfilForStaff>>>;

/**
 * Adds (favori = true) or removes one of the user's favourites. Idempotent: adding twice or
 * removing what is not there changes nothing. Only a visible project can be added; the user may
 * always remove his own favourite (even once the candidate has hidden the project).
 */
export async function toggleFavori(user: StaffUser, projetNumero: number, favori: boolean, ip?: string | null): Promise<{ favori: boolean; changed: boolean }> {
  return db.$transaction(async (tx) => {
    if (favori) {
      const projet = await tx.projet.findFirst({ where: { numero: projetNumero, ...PROJET_VISIBLE_WHERE }, select: { id: true } });
      if (!projet) throw new UserFacingError(PROFIL_MESSAGES.introuvable);
      // ON CONFLICT DO NOTHING: two clicks at the same moment make one favourite, no error
      const { count } = await tx.favori.createMany({ data: [{ userId: user.id, projetId: projet.id }], skipDuplicates: true });
      if (count > 0) {
        await writeAudit(tx, { actorId: user.id, action: 'favori.ajout', entityType: 'Projet', entityId: projet.id, after: { numero: projetNumero }, ip });
      }
      return { favori: true, changed: count > 0 };
    }
    const existing = await tx.favori.findFirst({ where: { userId: user.id, projet: { numero: projetNumero } }, select: { id: true, projetId: true } });
    if (!existing) return { favori: false, changed: false };
    const { count } = await tx.favori.deleteMany({ where: { id: existing.id, userId: user.id } });
    if (count > 0) {
      await writeAudit(tx, { actorId: user.id, action: 'favori.retrait', entityType: 'Projet', entityId: existing.projetId, before: { numero: projetNumero }, ip });
    }
    return { favori: false, changed: count > 0 };
  });
}

const myFavorisWhere = (user: Pick<StaffUser, 'id'>) => ({ userId: user.id, projet: PROJET_VISIBLE_WHERE }) satisfies Prisma.FavoriWhereInput;

/** The dashboard's « Favoris » count: the user's favourites that are still visible. */
export async function countMyFavoris(user: Pick<StaffUser, 'id'>): Promise<number> {
  return db.favori.count({ where: myFavorisWhere(user) });
}

/** « Projets favoris »: the user's own favourites still visible, the latest added first. */
export async function listMyFavoris(user: Pick<StaffUser, 'id'>, page: number) {
  const where = myFavorisWhere(user);
  const [total, rows] = await Promise.all([
    db.favori.count({ where }),
    db.favori.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (Math.max(1, page) - 1) * FAVORIS_PAGE_SIZE,
      take: FAVORIS_PAGE_SIZE,
      select: { projet: { select: PROJET_RESUME_SELECT } },
    }),
  ]);
  return { total, items: rows.map((r) => r.projet), pages: Math.max(1, Math.ceil(total / FAVORIS_PAGE_SIZE)) };
}
export type ProjetResumeRow = Awaited<ReturnType<typeof listMyFavoris>>['items'][number];

/**
 * « CONTACTER CE PROFIL »: in one transaction, the message (in the name of the user's structure),
 * the candidate's notification, his e-mail (outbox) and the audit row. The caller kicks the e-mail
 * worker after it returns. Limited to RATE_LIMITS.contactProfil messages per user and 24 hours.
 */
export async function contactProfil(user: StaffUser, projetNumero: number, data: ContactProfilData, ip?: string | null): Promise<{ messageId: string }> {
  const structure = user.membership.structure;
  return db.$transaction(async (tx) => {
    const projet = await tx.projet.findFirst({
      where: { numero: projetNumero, ...PROJET_VISIBLE_WHERE },
      select: { id: true, numero: true, metier: true, candidat: { select: { id: true, numero: true, email: true, prenom: true } } },
    });
    if (!projet) throw new UserFacingError(PROFIL_MESSAGES.introuvable);
    // counted outside the transaction: a refused message still counts, a rolled-back one too
    if (await consume(RATE_LIMITS.contactProfil, user.id)) throw new UserFacingError(PROFIL_MESSAGES.limite);

    const message = await tx.message.create({
      data: { structureId: structure.id, fromUserId: user.id, toUserId: projet.candidat.id, projetId: projet.id, body: data.message },
      select: { id: true },
    });
    const lien = '/candidat/messages';
    const titre = `${structure.raisonSociale} vous a écrit au sujet de votre projet ${projet.metier}`;
    await createNotification(tx, { userId: projet.candidat.id, type: 'CONTACT', titre, corps: data.message, lien });
    await enqueueEmail(tx, {
      to: projet.candidat.email,
      ...contactProfilEmail({
        prenom: projet.candidat.prenom,
        metier: projet.metier,
        projetNumero: formatNumero('projet', projet.numero),
        structure: structure.raisonSociale,
        message: data.message,
        url: `${appUrl()}${lien}`,
      }),
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'profil.contact',
      entityType: 'Message',
      entityId: message.id,
      // the message itself stays in Message: the audit log does not copy personal text
      after: { projet: projet.numero, profil: projet.candidat.numero, structure: structure.numero },
      ip,
    });
    return { messageId: message.id };
  });
}

export const MES_MESSAGES_PAGE_SIZE = 10;

/** « Mes messages » (candidate): the messages structures wrote to him, newest first. */
export async function listMyMessages(user: Pick<CurrentUser, 'id'>, page: number) {
  const where = { toUserId: user.id } satisfies Prisma.MessageWhereInput;
  const [total, items] = await Promise.all([
    db.message.count({ where }),
    db.message.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (Math.max(1, page) - 1) * MES_MESSAGES_PAGE_SIZE,
      take: MES_MESSAGES_PAGE_SIZE,
      select: {
        id: true,
        body: true,
        createdAt: true,
        structure: { select: { raisonSociale: true } },
        projet: { select: { numero: true, metier: true } },
      },
    }),
  ]);
  return { total, items, pages: Math.max(1, Math.ceil(total / MES_MESSAGES_PAGE_SIZE)) };
}
export type MonMessage = Awaited<ReturnType<typeof listMyMessages>>['items'][number];
