'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fail, fromUnexpected, fromZodError, ok, type ActionResult } from '@/lib/action-result';
import { requireActeur, requireStaff } from '@/lib/auth/guards';
import { communesForPostalCode, createStructureFor, lookupSiretFor, updateMyStructure } from '@/lib/data/structure';
import type { LookupResult } from '@/lib/entreprises/recherche-entreprises';
import { clientIp } from '@/lib/request';
import { postalCodeSchema, structureSchema } from '@/lib/validations/structure';
import { z } from 'zod';

export async function lookupSiretAction(raw: unknown): Promise<LookupResult> {
  const user = await requireActeur();
  const parsed = z.string().max(40).safeParse(raw);
  if (!parsed.success) return { status: 'invalid', message: 'Saisissez un numéro de SIRET (14 chiffres) ou de SIREN (9 chiffres).' };
  return lookupSiretFor(user, parsed.data);
}

export async function communesAction(codePostal: unknown): Promise<{ code: string; nom: string }[]> {
  await requireActeur();
  const parsed = postalCodeSchema.safeParse(codePostal);
  return parsed.success ? communesForPostalCode(parsed.data) : [];
}

export async function createStructureAction(input: unknown): Promise<ActionResult> {
  const user = await requireActeur();
  const parsed = structureSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    await createStructureFor(user, parsed.data, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/', 'layout'); // the header shows the new role and structure
  redirect('/mon-espace?bienvenue=1');
}

export async function updateStructureAction(input: unknown): Promise<ActionResult> {
  const user = await requireStaff();
  if (user.membership.role !== 'GESTIONNAIRE') return fail('Seul le gestionnaire peut modifier les informations de la structure.');
  const parsed = structureSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    await updateMyStructure(user, parsed.data, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/', 'layout');
  return ok(undefined, 'Les informations de votre structure ont été enregistrées.');
}
