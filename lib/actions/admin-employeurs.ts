'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, fromUnexpected, fromZodError, isNextControlFlow, ok, type ActionResult } from '@/lib/action-result';
import { requireAdmin } from '@/lib/auth/guards';
import { validerDemandesEmployeurs, type BulkValidationResult } from '@/lib/data/admin-employeurs';
import { decideEmployeurLink } from '@/lib/data/employeurs';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';
import { employeurDecisionSchema } from '@/lib/validations/employeurs';

/**
 * « Demandes d'employeurs » (admin): validate or refuse one request, or validate a selection.
 * The role is checked here (requireAdmin reads it from the database) and again by the data layer.
 */

const linkIdSchema = z.string({ error: 'Demande introuvable.' }).trim().min(1, 'Demande introuvable.').max(64, 'Demande introuvable.');
const linkIdsSchema = z
  .array(linkIdSchema, { error: 'Sélectionnez au moins une demande à valider.' })
  .min(1, 'Sélectionnez au moins une demande à valider.')
  .max(50, 'Sélectionnez au plus 50 demandes à la fois.');

function refresh() {
  revalidatePath('/admin/employeurs');
  revalidatePath('/admin');
}

export async function decideEmployeurAction(linkId: unknown, decision: unknown): Promise<ActionResult<{ raisonSociale: string; status: 'VALIDE' | 'REFUSE' }>> {
  const admin = await requireAdmin();
  const id = linkIdSchema.safeParse(linkId);
  if (!id.success) return fail(id.error.issues[0]?.message);
  const parsed = employeurDecisionSchema.safeParse(decision);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const result = await decideEmployeurLink(admin, id.data, parsed.data, { ip: await clientIp() });
    kickEmailWorker(db);
    refresh();
    return ok({ raisonSociale: result.raisonSociale, status: result.status });
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return fromUnexpected(error);
  }
}

export async function validerEmployeursAction(linkIds: unknown): Promise<ActionResult<BulkValidationResult>> {
  const admin = await requireAdmin();
  const parsed = linkIdsSchema.safeParse(linkIds);
  if (!parsed.success) return fail(parsed.error.issues[0]?.message);
  try {
    const result = await validerDemandesEmployeurs(admin, parsed.data, { ip: await clientIp() });
    if (result.validated > 0) kickEmailWorker(db);
    refresh();
    return ok(result);
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return fromUnexpected(error);
  }
}
