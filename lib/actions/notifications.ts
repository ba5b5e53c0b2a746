'use server';

import { revalidatePath } from 'next/cache';
import { ok, type ActionResult } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/guards';
import { markAllMyNotificationsRead } from '@/lib/data/notifications';

export async function markAllNotificationsReadAction(): Promise<ActionResult> {
  const user = await requireUser();
  const count = await markAllMyNotificationsRead(user);
  revalidatePath('/', 'layout');
  return ok(undefined, count > 0 ? 'Toutes vos notifications sont marquées comme lues.' : 'Aucune notification non lue.');
}
