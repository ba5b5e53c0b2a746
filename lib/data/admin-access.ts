import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';

export const RESERVE_ADMIN_MESSAGE = "Cette action est réservée à l'équipe CMonAlternance.";

export class AdminForbiddenError extends UserFacingError {
  constructor() {
    super(RESERVE_ADMIN_MESSAGE);
    this.name = 'AdminForbiddenError';
  }
}

/**
 * Every admin data function starts here, whoever called it: the actor's role and status are read
 * again from the database (a forged call, a demoted or deactivated admin get nothing).
 */
export async function assertAdmin(actor: Pick<CurrentUser, 'id'> | null | undefined): Promise<void> {
  if (!actor?.id) throw new AdminForbiddenError();
  const admin = await db.user.findFirst({ where: { id: actor.id, role: 'ADMIN', active: true }, select: { id: true } });
  if (!admin) throw new AdminForbiddenError();
}
