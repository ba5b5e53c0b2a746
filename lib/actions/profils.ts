'use server';

import { revalidatePath } from 'next/cache';
import { fail, fromUnexpected, fromZodError, ok, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/guards';
import { contactProfil, toggleFavori } from '@/lib/data/profils-detail';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';
import { parseNumero } from '@/lib/validations/candidat';
import { contactProfilSchema, favoriSchema, PROFIL_MESSAGES } from '@/lib/validations/profils-contact';

/**
 * « Détail projet » (staff): the heart and « CONTACTER CE PROFIL ». Each parses its input, checks
 * that the caller is a member of staff with a completed structure, then lets lib/data scope the
 * rest (visible projects only, the user's own favourites, the user's structure as sender).
 */

export async function toggleFavoriAction(numeroInput: unknown, favoriInput: unknown): Promise<ActionResult<{ favori: boolean }>> {
  const numero = parseNumero(numeroInput);
  if (numero === null) return fail(PROFIL_MESSAGES.introuvable);
  const favori = favoriSchema.safeParse(favoriInput);
  if (!favori.success) return fail(PROFIL_MESSAGES.favori);
  const user = await requireStaff();
  let result: { favori: boolean };
  try {
    result = await toggleFavori(user, numero, favori.data, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/mon-espace', 'layout');
  return ok({ favori: result.favori }, result.favori ? PROFIL_MESSAGES.favoriAjoute : PROFIL_MESSAGES.favoriRetire);
}

export async function contactProfilAction(numeroInput: unknown, input: unknown): Promise<ActionResult> {
  const numero = parseNumero(numeroInput);
  if (numero === null) return fail(PROFIL_MESSAGES.introuvable);
  const parsed = contactProfilSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireStaff();
  try {
    await contactProfil(user, numero, parsed.data, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  kickEmailWorker(db);
  revalidatePath('/mon-espace', 'layout');
  return ok(undefined, PROFIL_MESSAGES.envoye);
}
