'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, fromUnexpected, isNextControlFlow, ok, type ActionResult } from '@/lib/action-result';
import { requireAdmin } from '@/lib/auth/guards';
import { EMAIL_NOT_FOUND_MESSAGE, retryEmail } from '@/lib/data/admin-emails';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';

/**
 * « E-mails » (admin): « Réessayer » a failed e-mail. The role is checked here (requireAdmin reads
 * it from the database) and again by the data layer; the worker is kicked once the change committed.
 */

const emailIdSchema = z.string({ error: EMAIL_NOT_FOUND_MESSAGE }).trim().min(1, EMAIL_NOT_FOUND_MESSAGE).max(64, EMAIL_NOT_FOUND_MESSAGE);

export async function retryEmailAction(emailId: unknown): Promise<ActionResult<{ to: string; subject: string }>> {
  const admin = await requireAdmin();
  const id = emailIdSchema.safeParse(emailId);
  if (!id.success) return fail(id.error.issues[0]?.message);
  try {
    const result = await retryEmail(admin, id.data, { ip: await clientIp() });
    kickEmailWorker(db);
    revalidatePath('/admin/emails');
    revalidatePath(`/admin/emails/${result.id}`);
    revalidatePath('/admin/audit');
    return ok({ to: result.to, subject: result.subject });
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return fromUnexpected(error);
  }
}
