'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, fromUnexpected, fromZodError, isNextControlFlow, ok, type ActionResult } from '@/lib/action-result';
import { requireAdmin } from '@/lib/auth/guards';
import { creerAdministrateur, envoyerLienReinitialisation, setUtilisateurActif, type ActifResult } from '@/lib/data/admin-utilisateurs';
import { NOUVEL_ADMIN_MESSAGES, nouvelAdminSchema } from '@/lib/validations/admin';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';

/**
 * « Utilisateurs » (admin): deactivate / reactivate an account, send a reset link. The role is
 * checked here (requireAdmin reads it from the database) and again by the data layer.
 */

const userIdSchema = z.string({ error: 'Utilisateur introuvable.' }).trim().min(1, 'Utilisateur introuvable.').max(64, 'Utilisateur introuvable.');
const statutSchema = z.object({
  actif: z.boolean({ error: 'Choisissez de désactiver ou de réactiver le compte.' }),
  motif: z
    .string({ error: 'Le motif doit être un texte.' })
    .trim()
    .max(500, 'Le motif ne doit pas dépasser 500 caractères.')
    .optional(),
});

function refresh() {
  revalidatePath('/admin/utilisateurs');
  revalidatePath('/admin');
}

export async function setUtilisateurActifAction(userId: unknown, input: unknown): Promise<ActionResult<ActifResult>> {
  const admin = await requireAdmin();
  const id = userIdSchema.safeParse(userId);
  if (!id.success) return fail(id.error.issues[0]?.message);
  const parsed = statutSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const result = await setUtilisateurActif(admin, id.data, parsed.data.actif, parsed.data.motif, { ip: await clientIp() });
    kickEmailWorker(db);
    refresh();
    return ok(result);
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return fromUnexpected(error);
  }
}

export async function envoyerLienReinitialisationAction(userId: unknown): Promise<ActionResult<{ nom: string; email: string }>> {
  const admin = await requireAdmin();
  const id = userIdSchema.safeParse(userId);
  if (!id.success) return fail(id.error.issues[0]?.message);
  try {
    const result = await envoyerLienReinitialisation(admin, id.data, { ip: await clientIp() });
    kickEmailWorker(db);
    return ok(result);
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return fromUnexpected(error);
  }
}

export async function creerAdministrateurAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const admin = await requireAdmin();
  const parsed = nouvelAdminSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const result = await creerAdministrateur(admin, parsed.data, { ip: await clientIp() });
    kickEmailWorker(db);
    refresh();
    return ok(result, NOUVEL_ADMIN_MESSAGES.cree(result.email));
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return fromUnexpected(error);
  }
}
