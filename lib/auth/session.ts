import 'server-only';
import { cache } from 'react';
import { auth } from '@/lib/auth/config';
import { CURRENT_USER_SELECT, type CurrentUser } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

const SEEN_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Records that a signed-in user is active (at most once a day, in the background, without touching
 * updatedAt): the RGPD retention job measures inactivity from it (lib/jobs/rgpd-retention.ts), so a
 * candidate who stays signed in is never taken for inactive.
 */
function noteActivity(id: string, lastSeenAt: Date | null) {
  const now = new Date();
  if (lastSeenAt && now.getTime() - lastSeenAt.getTime() < SEEN_EVERY_MS) return;
  void db.$executeRaw`UPDATE "User" SET "lastSeenAt" = ${now} WHERE "id" = ${id}`.catch((error: unknown) =>
    console.error('[session] lastSeenAt non enregistré :', error),
  );
}

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
    select: { ...CURRENT_USER_SELECT, active: true, anonymizedAt: true, sessionVersion: true, lastSeenAt: true },
  });
  if (!user || !user.active || user.anonymizedAt || user.sessionVersion !== session?.sv) return null;
  const { active: _a, anonymizedAt: _z, sessionVersion: _s, lastSeenAt, ...current } = user;
  noteActivity(user.id, lastSeenAt);
  return current;
});
