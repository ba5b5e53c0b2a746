import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { assertAdmin } from '@/lib/data/admin-access';
import { writeAudit } from '@/lib/data/audit';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import type { EmailStatus, Prisma } from '@/lib/generated/prisma/client';
import { escapeLike } from '@/lib/search';

/**
 * « E-mails » (/admin/emails): the outbox written by enqueueEmail (lib/email/send.ts) and delivered
 * by the worker (lib/jobs/email-worker.ts). Every function checks the ADMIN role itself
 * (assertAdmin reads it from the database), whoever calls it.
 */

export const ADMIN_EMAILS_PAGE_SIZE = 20;
export const ADMIN_EMAILS_EXPORT_MAX = 10_000;

export type EmailStatut = EmailStatus;

export interface EmailsFilters {
  statut?: EmailStatut;
  /** Part of the recipient's address or of the subject (case ignored). */
  q?: string;
}

export const EMAIL_NOT_FOUND_MESSAGE = 'Cet e-mail est introuvable.';
export const EMAIL_RETRY_ONLY_ECHEC_MESSAGE = 'Seul un e-mail en échec peut être renvoyé : celui-ci ne l’est pas (ou plus).';

const ROW_SELECT = {
  id: true,
  to: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
  nextAttemptAt: true,
} satisfies Prisma.EmailOutboxSelect;

export type EmailRow = Prisma.EmailOutboxGetPayload<{ select: typeof ROW_SELECT }>;

function where(filters: EmailsFilters, withStatut = true): Prisma.EmailOutboxWhereInput {
  const raw = filters.q?.trim();
  // Prisma's « contains » is a LIKE: the user's % and _ are plain text
  const q = raw ? escapeLike(raw) : undefined;
  return {
    ...(withStatut && filters.statut ? { status: filters.statut } : {}),
    ...(q ? { OR: [{ to: { contains: q, mode: 'insensitive' } }, { subject: { contains: q, mode: 'insensitive' } }] } : {}),
  };
}

/** The newest first, 20 a page, with the count of each status (for the same search). */
export async function listEmails(actor: CurrentUser, filters: EmailsFilters & { page: number }) {
  await assertAdmin(actor);
  const grouped = await db.emailOutbox.groupBy({ by: ['status'], where: where(filters, false), _count: { _all: true } });
  const counts: Record<EmailStatut, number> = { EN_ATTENTE: 0, ENVOYE: 0, ECHEC: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  const all = counts.EN_ATTENTE + counts.ENVOYE + counts.ECHEC;
  const total = filters.statut ? counts[filters.statut] : all;
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_EMAILS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page) || 1), pageCount);
  const rows =
    total === 0
      ? []
      : await db.emailOutbox.findMany({
          where: where(filters),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * ADMIN_EMAILS_PAGE_SIZE,
          take: ADMIN_EMAILS_PAGE_SIZE,
          select: ROW_SELECT,
        });
  return { rows, total, page, pageCount, counts: { ...counts, all } };
}

export type EmailsList = Awaited<ReturnType<typeof listEmails>>;

/** One message with its rendered text and HTML; null when unknown. */
export async function getEmail(actor: CurrentUser, id: string) {
  await assertAdmin(actor);
  if (!id || id.length > 64) return null;
  return db.emailOutbox.findUnique({
    where: { id },
    select: { ...ROW_SELECT, text: true, html: true, providerId: true, updatedAt: true },
  });
}

export type EmailDetail = NonNullable<Awaited<ReturnType<typeof getEmail>>>;

/** Every row of the search for the CSV export (capped at 10 000), newest first. */
export async function exportEmails(actor: CurrentUser, filters: EmailsFilters): Promise<EmailRow[]> {
  await assertAdmin(actor);
  return db.emailOutbox.findMany({
    where: where(filters),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: ADMIN_EMAILS_EXPORT_MAX,
    select: ROW_SELECT,
  });
}

/**
 * « Réessayer »: a failed e-mail (ECHEC) goes back to the queue as the worker expects it
 * (EN_ATTENTE, 0 attempt, due now, unclaimed), atomically (only if still ECHEC), audited.
 * The caller kicks the worker after this returns (the transaction has committed).
 */
export async function retryEmail(actor: CurrentUser, id: string, opts: { ip?: string | null } = {}): Promise<{ id: string; to: string; subject: string }> {
  await assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.emailOutbox.findUnique({ where: { id }, select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true } });
    if (!row) throw new UserFacingError(EMAIL_NOT_FOUND_MESSAGE);
    if (row.status !== 'ECHEC') throw new UserFacingError(EMAIL_RETRY_ONLY_ECHEC_MESSAGE);
    const { count } = await tx.emailOutbox.updateMany({
      where: { id, status: 'ECHEC' },
      // lastError stays until the next outcome (the worker clears it on success)
      data: { status: 'EN_ATTENTE', attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
    });
    if (count === 0) throw new UserFacingError(EMAIL_RETRY_ONLY_ECHEC_MESSAGE);
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'email.renvoi',
      entityType: 'EmailOutbox',
      entityId: id,
      before: { status: 'ECHEC', attempts: row.attempts, lastError: row.lastError },
      after: { status: 'EN_ATTENTE', attempts: 0 },
      ip: opts.ip ?? null,
    });
    return { id: row.id, to: row.to, subject: row.subject };
  });
}
