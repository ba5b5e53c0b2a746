import { countMap } from '@/lib/relation-counts';
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { CurrentUser } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/data/audit';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { storage } from '@/lib/storage/app-storage';
import { CV_MESSAGES, checkCv, sanitizeCvFilename } from '@/lib/uploads/cv';

/**
 * « Mon CV »: one current CV per candidate (Document type CV, deletedAt null). Replacing or
 * deleting it keeps the file only while an application already sent still points to it (the
 * structure received that CV, as with an e-mail attachment); otherwise the file is removed.
 * Files live in the private storage under generated keys.
 */

type Tx = Prisma.TransactionClient;

export interface CvInfo {
  id: string;
  filename: string;
  size: number;
  createdAt: Date;
}

const CV_SELECT = { id: true, filename: true, size: true, createdAt: true } as const;

export async function getMyCv(user: Pick<CurrentUser, 'id'>): Promise<CvInfo | null> {
  return db.document.findFirst({ where: { ownerId: user.id, type: 'CV', deletedAt: null }, orderBy: { createdAt: 'desc' }, select: CV_SELECT });
}

/**
 * Retires the candidate's current CV (within the caller's transaction). Returns the storage keys
 * to remove once the transaction has committed (a file still attached to an application stays).
 */
async function retireCurrentCv(tx: Tx, ownerId: string): Promise<string[]> {
  const current = await tx.document.findMany({
    where: { ownerId, type: 'CV', deletedAt: null },
    select: { id: true, storageKey: true },
  });
  const sent = countMap(
    await tx.candidature.groupBy({ by: ['documentId'], where: { candidatId: ownerId, documentId: { in: current.map((d) => d.id) } }, _count: { _all: true } }),
    'documentId',
  );
  const orphanKeys: string[] = [];
  for (const doc of current) {
    if ((sent.get(doc.id) ?? 0) > 0) {
      await tx.document.update({ where: { id: doc.id }, data: { deletedAt: new Date() } });
    } else {
      await tx.document.delete({ where: { id: doc.id } });
      orphanKeys.push(doc.storageKey);
    }
  }
  return orphanKeys;
}

/** Removes files after commit; a failure leaves an unreferenced file, logged, never an error for the user. */
export async function removeStoredFiles(keys: string[]): Promise<void> {
  for (const key of keys) {
    await storage()
      .delete(key)
      .catch((error) => console.error(`[stockage] suppression impossible de ${key}`, error));
  }
}

/** Checks the bytes (PDF by content, ≤ 5 Mo), stores them under a generated key, makes it the current CV. */
export async function saveMyCv(user: Pick<CurrentUser, 'id' | 'role'>, upload: { filename: string; bytes: Buffer }, ip?: string | null): Promise<CvInfo> {
  if (user.role !== 'CANDIDAT') throw new UserFacingError('Seuls les candidats déposent un CV.');
  const problem = checkCv(upload.bytes);
  if (problem) throw new UserFacingError(problem, { fichier: problem });
  const filename = sanitizeCvFilename(upload.filename);
  const storageKey = `cv/${randomUUID()}.pdf`;
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');

  await storage().put(storageKey, upload.bytes, 'application/pdf');
  let orphanKeys: string[] = [];
  let saved: CvInfo;
  try {
    saved = await db.$transaction(async (tx) => {
      orphanKeys = await retireCurrentCv(tx, user.id);
      const doc = await tx.document.create({
        data: { ownerId: user.id, type: 'CV', filename, storageKey, size: upload.bytes.length, mimeType: 'application/pdf', sha256 },
        select: CV_SELECT,
      });
      await writeAudit(tx, { actorId: user.id, action: 'cv.depot', entityType: 'Document', entityId: doc.id, after: { taille: doc.size }, ip });
      return doc;
    });
  } catch (error) {
    // nothing half-done: the file written above is removed when the database refused the change
    await removeStoredFiles([storageKey]);
    throw error;
  }
  await removeStoredFiles(orphanKeys);
  return saved;
}

export async function deleteMyCv(user: Pick<CurrentUser, 'id'>, ip?: string | null): Promise<void> {
  let orphanKeys: string[] = [];
  const found = await db.$transaction(async (tx) => {
    const current = await tx.document.findFirst({ where: { ownerId: user.id, type: 'CV', deletedAt: null }, select: { id: true } });
    if (!current) return false;
    orphanKeys = await retireCurrentCv(tx, user.id);
    await writeAudit(tx, { actorId: user.id, action: 'cv.suppression', entityType: 'Document', entityId: current.id, ip });
    return true;
  });
  if (!found) throw new UserFacingError(CV_MESSAGES.introuvable);
  await removeStoredFiles(orphanKeys);
}

export interface FileDownload {
  filename: string;
  bytes: Buffer;
}

async function readDocument(doc: { filename: string; storageKey: string }): Promise<FileDownload | null> {
  const bytes = await storage().get(doc.storageKey);
  return bytes ? { filename: doc.filename, bytes } : null;
}

/** The candidate's own current CV. */
export async function readMyCv(user: Pick<CurrentUser, 'id'>): Promise<FileDownload | null> {
  const doc = await db.document.findFirst({
    where: { ownerId: user.id, type: 'CV', deletedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { filename: true, storageKey: true },
  });
  return doc ? readDocument(doc) : null;
}

/**
 * The CV attached to an application: for the candidate who sent it, or for a member of the
 * structure that owns the offer (logged in the audit log). Anyone else: null (a 404).
 */
export async function readCandidatureCv(user: CurrentUser, numero: number, ip?: string | null): Promise<FileDownload | null> {
  const candidature = await db.candidature.findUnique({
    where: { numero },
    select: { id: true, candidatId: true, offre: { select: { structureId: true } }, document: { select: { id: true, filename: true, storageKey: true } } },
  });
  if (!candidature?.document) return null;
  if (user.role === 'CANDIDAT') {
    if (candidature.candidatId !== user.id) return null;
    return readDocument(candidature.document);
  }
  const structure = user.membership?.structure;
  if (user.role !== 'ACTEUR' || !structure?.active || structure.id !== candidature.offre.structureId) return null;
  const file = await readDocument(candidature.document);
  if (file) {
    await writeAudit(db, {
      actorId: user.id,
      action: 'cv.consultation',
      entityType: 'Candidature',
      entityId: candidature.id,
      after: { numero, document: candidature.document.id },
      ip,
    });
  }
  return file;
}
