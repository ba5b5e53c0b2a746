import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { verifyPassword } from '@/lib/auth/password';
import { eraseCandidateAccount } from '@/lib/candidatures/anonymisation';
import { writeAudit } from '@/lib/data/audit';
import { removeStoredFiles } from '@/lib/data/documents';
import { RATE_LIMITS, RATE_LIMIT_MESSAGE, hit, isLimited } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { compteSupprimeEmail } from '@/lib/email/templates/candidatures';
import { enqueueEmail } from '@/lib/email/send';
import { UserFacingError } from '@/lib/errors';
import { storage } from '@/lib/storage/app-storage';

/**
 * « Mes données » (RGPD, articles 15, 17 and 20): everything the platform holds about the
 * candidate, downloadable as one JSON file (CV included, base64), and the deletion of his account.
 */

export const WRONG_PASSWORD_MESSAGE = 'Mot de passe incorrect : votre compte n’a pas été supprimé.';

export async function exportMyData(user: Pick<CurrentUser, 'id'>) {
  const account = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      numero: true,
      email: true,
      prenom: true,
      nom: true,
      telephone: true,
      role: true,
      createdAt: true,
      updatedAt: true,
      lastLoginAt: true,
      projets: {
        orderBy: { createdAt: 'asc' },
        select: {
          numero: true,
          metier: true,
          romeCode: true,
          appellationCode: true,
          types: true,
          diplomeIntitule: true,
          niveau: true,
          dureeAnnees: true,
          zoneRegion: true,
          departements: true,
          visible: true,
          createdAt: true,
          updatedAt: true,
          formations: { orderBy: { position: 'asc' }, select: { intitule: true, statut: true, annee: true } },
          experiences: {
            orderBy: { position: 'asc' },
            select: { type: true, intitule: true, entreprise: true, dureeSemaines: true, dureeJours: true, missions: true },
          },
        },
      },
      candidatures: {
        orderBy: { createdAt: 'asc' },
        select: {
          numero: true,
          createdAt: true,
          status: true,
          reponseType: true,
          reponseMessage: true,
          answeredAt: true,
          message: true,
          cvNom: true,
          cvTaille: true,
          offreSnapshot: true,
          projetSnapshot: true,
        },
      },
      documents: { orderBy: { createdAt: 'asc' }, select: { id: true, type: true, filename: true, size: true, mimeType: true, sha256: true, createdAt: true, deletedAt: true, storageKey: true } },
      notifications: { orderBy: { createdAt: 'asc' }, select: { type: true, titre: true, corps: true, lien: true, readAt: true, createdAt: true } },
      messagesReceived: { orderBy: { createdAt: 'asc' }, select: { body: true, createdAt: true, structure: { select: { raisonSociale: true } } } },
      favoris: { select: { createdAt: true } },
    },
  });
  const documents = [];
  for (const { storageKey, ...doc } of account.documents) {
    const bytes = await storage().get(storageKey);
    documents.push({ ...doc, contenuBase64: bytes ? bytes.toString('base64') : null });
  }
  const { documents: _omit, favoris: _f, messagesReceived, ...rest } = account;
  return {
    exportLe: new Date().toISOString(),
    plateforme: 'CMonAlternance',
    compte: {
      numero: rest.numero,
      email: rest.email,
      prenom: rest.prenom,
      nom: rest.nom,
      telephone: rest.telephone,
      role: rest.role,
      createdAt: rest.createdAt,
      updatedAt: rest.updatedAt,
      lastLoginAt: rest.lastLoginAt,
    },
    projets: rest.projets,
    candidatures: rest.candidatures,
    documents,
    notifications: rest.notifications,
    messagesRecus: messagesReceived.map((m) => ({ de: m.structure.raisonSociale, message: m.body, createdAt: m.createdAt })),
  };
}

/**
 * Deletes the candidate's account after checking his password: projects (with their favourites
 * and alerts), CV files, notifications and messages go; applications stay for the structures'
 * statistics, anonymised (no name, contact, message, CV, trainings or experiences). The user row
 * is deleted, so every session ends at once. One transaction; the files are removed after commit.
 */
export async function deleteMyAccount(user: Pick<CurrentUser, 'id' | 'role'>, password: string, ip?: string | null): Promise<void> {
  if (user.role !== 'CANDIDAT') throw new UserFacingError('Seul un compte candidat peut être supprimé depuis cette page.');
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true, email: true, prenom: true, numero: true } });
  if (!row) throw new UserFacingError('Compte introuvable.');
  if (await isLimited(RATE_LIMITS.accountDeletion, user.id)) throw new UserFacingError(RATE_LIMIT_MESSAGE);
  if (!(await verifyPassword(row.passwordHash, password))) {
    await hit(RATE_LIMITS.accountDeletion, user.id);
    throw new UserFacingError(WRONG_PASSWORD_MESSAGE, { password: WRONG_PASSWORD_MESSAGE });
  }

  const keys = await db.$transaction(async (tx) => {
    const erased = await eraseCandidateAccount(tx, user.id, new Date());
    await writeAudit(tx, {
      actorId: null,
      action: 'candidat.suppression_compte',
      entityType: 'User',
      entityId: user.id,
      after: { profil: row.numero, candidatures: erased.candidatures, documents: erased.keys.length },
      ip,
    });
    await enqueueEmail(tx, { to: row.email, ...compteSupprimeEmail({ prenom: row.prenom }) });
    return erased.keys;
  });
  await removeStoredFiles(keys);
}
