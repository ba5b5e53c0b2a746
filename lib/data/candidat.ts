import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

/** The candidate's own projects only. */
export async function listMyProjets(user: CurrentUser) {
  return db.projet.findMany({
    where: { candidatId: user.id },
    orderBy: { createdAt: 'desc' },
    select: { numero: true, metier: true, types: true, diplomeIntitule: true, visible: true, _count: { select: { candidatures: true } } },
  });
}
