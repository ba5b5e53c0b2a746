import { anonymizedProjetSnapshot, type ProjetSnapshot } from '@/lib/candidatures/snapshots';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * The one shape of an anonymised application and of an erased candidate account, shared by
 * « Supprimer mon compte » (lib/data/rgpd.ts) and the retention job (lib/jobs/rgpd-retention.ts).
 * No 'server-only': the job runs in scripts too.
 */

/** What an application keeps once anonymised: offer, status, dates, answer type, and of the project only what statistics need. */
export function anonymizedCandidatureData(projetSnapshot: unknown, now: Date) {
  const anonymized = anonymizedProjetSnapshot(projetSnapshot as Partial<ProjetSnapshot> | null);
  return {
    candidatId: null,
    projetId: null,
    documentId: null,
    message: null,
    cvNom: null,
    cvTaille: null,
    projetSnapshot: (anonymized ?? undefined) as Prisma.InputJsonValue | undefined,
    anonymizedAt: now,
  } satisfies Prisma.CandidatureUncheckedUpdateInput;
}

/**
 * Erases a candidate account inside the caller's transaction: his applications are anonymised,
 * then the user row is deleted (cascades: projets with formations, expériences, favoris and
 * alertes; documents; notifications; messages; tokens). Returns the storage keys of his files,
 * to remove once the transaction has committed, and the number of applications anonymised.
 */
export async function eraseCandidateAccount(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<{ candidatures: number; keys: string[] }> {
  const candidatures = await tx.candidature.findMany({ where: { candidatId: userId }, select: { id: true, projetSnapshot: true } });
  for (const c of candidatures) {
    await tx.candidature.update({ where: { id: c.id }, data: anonymizedCandidatureData(c.projetSnapshot, now) });
  }
  const documents = await tx.document.findMany({ where: { ownerId: userId }, select: { storageKey: true } });
  await tx.user.delete({ where: { id: userId } });
  return { candidatures: candidatures.length, keys: documents.map((d) => d.storageKey) };
}
