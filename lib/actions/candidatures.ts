'use server';

import { revalidatePath } from 'next/cache';
import { fail, fromUnexpected, fromZodError, ok, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/guards';
import { answerCandidature } from '@/lib/data/candidatures';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';
import { CANDIDATURE_MESSAGES, parseNumero, reponseSchema } from '@/lib/validations/candidat';

/**
 * « Répondre à cette candidature » (staff). The staff inbox and its form come with « Mon espace »;
 * the action exists now so that candidates receive answers end to end.
 */
export async function repondreCandidatureAction(numeroInput: unknown, input: unknown): Promise<ActionResult> {
  const numero = parseNumero(numeroInput);
  if (numero === null) return fail(CANDIDATURE_MESSAGES.introuvable);
  const parsed = reponseSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireStaff();
  try {
    await answerCandidature(user, numero, parsed.data, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  kickEmailWorker(db);
  revalidatePath('/mon-espace', 'layout');
  return ok(undefined, 'Votre réponse a bien été envoyée au candidat.');
}
