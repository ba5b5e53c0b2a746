'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, fromUnexpected, isNextControlFlow, ok, type ActionResult } from '@/lib/action-result';
import { requireAdmin } from '@/lib/auth/guards';
import { depublierOffre } from '@/lib/data/admin-offres';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';

/**
 * « Offres » (admin): unpublish an open offer, with a required reason.
 * The role is checked here (requireAdmin reads it from the database) and again by the data layer.
 */

const depublicationSchema = z.object({
  numero: z.number({ error: 'Offre introuvable.' }).int('Offre introuvable.').positive('Offre introuvable.').max(2_147_483_647, 'Offre introuvable.'),
  motif: z
    .string({ error: 'Indiquez le motif : il sera communiqué à la structure.' })
    .trim()
    .min(1, 'Indiquez le motif : il sera communiqué à la structure.')
    .max(1000, 'Le motif ne doit pas dépasser 1000 caractères.'),
});

export async function depublierOffreAction(input: unknown): Promise<ActionResult<{ numero: number; metier: string; notified: number }>> {
  const admin = await requireAdmin();
  const parsed = depublicationSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'motif') return fail(undefined, { motif: issue.message });
    return fail(issue?.message);
  }
  try {
    const result = await depublierOffre(admin, parsed.data.numero, parsed.data.motif, { ip: await clientIp() });
    kickEmailWorker(db);
    revalidatePath('/admin/offres');
    revalidatePath('/offres');
    return ok({ numero: result.numero, metier: result.metier, notified: result.notified });
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return fromUnexpected(error);
  }
}
