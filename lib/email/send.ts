import { randomUUID } from 'node:crypto';
import type { DbClient } from '@/lib/prisma-client';

/**
 * Anything that can write to the outbox: the app's PrismaClient or the client given to a
 * `db.$transaction(async (tx) => …)` callback. Pass the transaction client so that the e-mail
 * is written (or rolled back) together with the change that causes it.
 */
export type OutboxWriter = Pick<DbClient, 'emailOutbox'>;

export interface EmailMessage {
  to: string;
  /** Template name, for statistics and debugging (e.g. 'password-reset'). */
  template: string;
  subject: string;
  html: string;
  text: string;
  /** Sent to Resend as the Idempotency-Key header; a random UUID by default. Must be unique. */
  idempotencyKey?: string;
}

export interface EnqueuedEmail {
  id: string;
  idempotencyKey: string;
}

const EMAIL_RE = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/**
 * Writes an e-mail to the outbox (status EN_ATTENTE). Nothing is sent here: the worker
 * (lib/jobs/email-worker.ts) delivers it once the transaction has committed.
 *
 *   await db.$transaction(async (tx) => {
 *     await tx.passwordResetToken.create(…);
 *     await enqueueEmail(tx, { to: user.email, ...passwordResetEmail({ prenom, url }) });
 *   });
 *   kickEmailWorker(db); // optional: deliver right away instead of at the next interval
 */
export async function enqueueEmail(tx: OutboxWriter, message: EmailMessage): Promise<EnqueuedEmail> {
  const to = message.to.trim();
  if (!EMAIL_RE.test(to)) throw new Error(`Adresse e-mail invalide pour l'envoi : « ${to} »`);
  if (!message.subject.trim()) throw new Error("Un e-mail doit avoir un objet.");
  if (/[\r\n]/.test(message.subject)) throw new Error("L'objet d'un e-mail ne peut pas contenir de retour à la ligne.");

  const row = await tx.emailOutbox.create({
    data: {
      to,
      template: message.template,
      subject: message.subject,
      html: message.html,
      text: message.text,
      idempotencyKey: message.idempotencyKey ?? randomUUID(),
      status: 'EN_ATTENTE',
    },
    select: { id: true, idempotencyKey: true },
  });
  return row;
}
