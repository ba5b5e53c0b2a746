'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, fromUnexpected, isNextControlFlow, ok, type ActionResult } from '@/lib/action-result';
import { requireAdmin } from '@/lib/auth/guards';
import { setStructureActive } from '@/lib/data/admin-structures';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';

/**
 * « Structures » (admin): deactivate or reactivate a structure, with a required reason.
 * The role is checked here (requireAdmin reads it from the database) and again by the data layer.
 */

const decisionSchema = z.object({
  structureId: z.string({ error: 'Structure introuvable.' }).trim().min(1, 'Structure introuvable.').max(64, 'Structure introuvable.'),
  active: z.boolean({ error: 'Décision inconnue.' }),
  motif: z
    .string({ error: 'Indiquez le motif : il sera communiqué aux membres de la structure.' })
    .trim()
    .min(1, 'Indiquez le motif : il sera communiqué aux membres de la structure.')
    .max(1000, 'Le motif ne doit pas dépasser 1000 caractères.'),
});

export async function setStructureActiveAction(
  input: unknown,
): Promise<ActionResult<{ raisonSociale: string; active: boolean; notified: number; offresEnCours: number }>> {
  const admin = await requireAdmin();
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'motif') return fail(undefined, { motif: issue.message });
    return fail(issue?.message);
  }
  try {
    const result = await setStructureActive(admin, parsed.data.structureId, parsed.data.active, parsed.data.motif, { ip: await clientIp() });
    kickEmailWorker(db);
    revalidatePath('/admin/structures', 'layout');
    revalidatePath('/offres');
    return ok({ raisonSociale: result.raisonSociale, active: result.active, notified: result.notified, offresEnCours: result.offresEnCours });
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return fromUnexpected(error);
  }
}
