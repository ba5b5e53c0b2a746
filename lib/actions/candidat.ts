'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fail, fromUnexpected, fromZodError, ok, type ActionResult } from '@/lib/action-result';
import { signOut } from '@/lib/auth/config';
import { requireCandidate } from '@/lib/auth/guards';
import { createProjet, deleteProjet, updateProjet } from '@/lib/data/candidat';
import { postuler } from '@/lib/data/candidatures';
import { deleteMyCv } from '@/lib/data/documents';
import { deleteMyAccount } from '@/lib/data/rgpd';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';
import { CV_MESSAGES } from '@/lib/uploads/cv';
import {
  CANDIDATURE_MESSAGES,
  PROJET_MESSAGES,
  parseNumero,
  postulerSchema,
  projetSchema,
  suppressionCompteSchema,
} from '@/lib/validations/candidat';

/**
 * The candidate's actions. Each parses its input with the form's own schema, checks that the
 * caller is a candidate, then lets lib/data scope every read and write to his own records.
 */

export async function createProjetAction(input: unknown): Promise<ActionResult> {
  const parsed = projetSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireCandidate();
  let numero: number;
  try {
    ({ numero } = await createProjet(user, parsed.data, await clientIp()));
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/candidat', 'layout');
  redirect(`/candidat/projets?cree=${numero}`);
}

export async function updateProjetAction(numeroInput: unknown, input: unknown): Promise<ActionResult> {
  const numero = parseNumero(numeroInput);
  if (numero === null) return fail(PROJET_MESSAGES.introuvable);
  const parsed = projetSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireCandidate();
  try {
    await updateProjet(user, numero, parsed.data, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/candidat', 'layout');
  redirect(`/candidat/projets?modifie=${numero}`);
}

export async function deleteProjetAction(numeroInput: unknown): Promise<ActionResult> {
  const numero = parseNumero(numeroInput);
  if (numero === null) return fail(PROJET_MESSAGES.introuvable);
  const user = await requireCandidate();
  try {
    await deleteProjet(user, numero, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/candidat', 'layout');
  return ok(undefined, PROJET_MESSAGES.supprime);
}

export async function deleteCvAction(): Promise<ActionResult> {
  const user = await requireCandidate();
  try {
    await deleteMyCv(user, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/candidat', 'layout');
  return ok(undefined, CV_MESSAGES.supprime);
}

export async function postulerAction(offreNumeroInput: unknown, input: unknown): Promise<ActionResult> {
  const offreNumero = parseNumero(offreNumeroInput);
  if (offreNumero === null) return fail(CANDIDATURE_MESSAGES.offreIntrouvable);
  const parsed = postulerSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireCandidate();
  let numero: number;
  try {
    ({ numero } = await postuler(user, offreNumero, parsed.data, await clientIp()));
  } catch (error) {
    return fromUnexpected(error);
  }
  kickEmailWorker(db);
  revalidatePath('/candidat', 'layout');
  redirect(`/candidat/candidatures/${numero}?envoyee=1`);
}

export async function deleteAccountAction(input: unknown): Promise<ActionResult> {
  const parsed = suppressionCompteSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireCandidate();
  try {
    await deleteMyAccount(user, parsed.data.password, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  kickEmailWorker(db);
  // the user row is gone: the session cookie no longer opens anything; clear it too
  await signOut({ redirectTo: '/?compte=supprime' });
  return ok();
}
