'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, fromUnexpected, ok, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/guards';
import { ALERTE_INTROUVABLE, dismissAlerte } from '@/lib/data/alertes';
import { clientIp } from '@/lib/request';

const idSchema = z.string().trim().min(10).max(40).regex(/^[a-z0-9-]+$/);

/** « Ignorer » an alert (a form action: works without JavaScript). */
export async function dismissAlerteAction(input: FormData | { id?: unknown }): Promise<ActionResult> {
  const id = idSchema.safeParse(input instanceof FormData ? input.get('id') : (input as { id?: unknown } | null)?.id);
  if (!id.success) return fail(ALERTE_INTROUVABLE);
  const user = await requireStaff();
  try {
    await dismissAlerte(user, id.data, await clientIp());
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath('/mon-espace', 'layout');
  return ok(undefined, 'Alerte ignorée.');
}
