'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fromUnexpected, fromZodError, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/guards';
import { requestEmployeur } from '@/lib/data/employeurs';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';
import { employeurSchema } from '@/lib/validations/employeurs';

/**
 * « Ajouter un employeur » → « Envoyer la demande ». Any member of a completed structure may
 * (requireStaff); lib/data/employeurs scopes everything to his structure. The SIRET lookup of the
 * form is lookupSiretAction (lib/actions/structure.ts), shared with « Ma structure ».
 */
export async function requestEmployeurAction(input: unknown): Promise<ActionResult> {
  const user = await requireStaff();
  const parsed = employeurSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  let numero: number;
  try {
    ({ numero } = await requestEmployeur(user, parsed.data, { ip: await clientIp() }));
  } catch (error) {
    return fromUnexpected(error);
  }
  kickEmailWorker(db);
  revalidatePath('/mes-offres/employeurs');
  redirect(`/mes-offres/employeurs?demande=${numero}`);
}
