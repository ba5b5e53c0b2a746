import 'server-only';
import { cache } from 'react';
import { auth } from '@/lib/auth/config';
import { CURRENT_USER_SELECT, type CurrentUser } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

/**
 * The signed-in user, read from the database once per request. A JWT whose session version no
 * longer matches (password changed, deactivated, rights changed) counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { user?: { id?: string }; sv?: number } | null;
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { ...CURRENT_USER_SELECT, active: true, anonymizedAt: true, sessionVersion: true },
  });
  if (!user || !user.active || user.anonymizedAt || user.sessionVersion !== session?.sv) return null;
  const { active: _a, anonymizedAt: _z, sessionVersion: _s, ...current } = user;
  return current;
});
