import type { CurrentUser } from '@/lib/auth/permissions';
import { CURRENT_USER_SELECT } from '@/lib/auth/permissions';
import type { DbClient } from '@/lib/prisma-client';

/** The CurrentUser the guards would build for this user, read back from the database. */
export async function currentUserOf(db: DbClient, id: string): Promise<CurrentUser> {
  return db.user.findUniqueOrThrow({ where: { id }, select: CURRENT_USER_SELECT });
}
