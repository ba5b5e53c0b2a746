'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fail, fromUnexpected, fromZodError, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/guards';
import { createOffreFor, updateOffreFor } from '@/lib/data/offres';
import { clientIp } from '@/lib/request';
import { numeroOffreSchema, OFFRE_MESSAGES, offreSchema, offreSchemaFor } from '@/lib/validations/offre';

/**
 * « Créer une offre » and « Modifier »: any member of the structure (GESTIONNAIRE or UTILISATEUR).
 * Each action parses with the form's own schema, checks the caller, then lets lib/data/offres
 * check every chosen id against the caller's structure inside its transaction.
 */

export async function createOffreAction(input: unknown): Promise<ActionResult> {
  const parsed = offreSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireStaff();
  let numero: number;
  try {
    ({ numero } = await createOffreFor(user, parsed.data, await clientIp()));
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/mes-offres', 'layout');
  redirect(`/mes-offres/${numero}?publiee=1`);
}

export async function updateOffreAction(numeroInput: unknown, input: unknown): Promise<ActionResult> {
  const numero = numeroOffreSchema.safeParse(numeroInput);
  if (!numero.success) return fail(OFFRE_MESSAGES.offreIntrouvable);
  // the « not in the past » rule needs the stored date: lib/data applies it within the transaction
  const parsed = offreSchemaFor({ pastAllowed: true }).safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireStaff();
  let outcome: string;
  try {
    ({ outcome } = await updateOffreFor(user, numero.data, parsed.data, await clientIp()));
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/mes-offres', 'layout');
  redirect(`/mes-offres/${numero.data}?${outcome}=1`);
}
