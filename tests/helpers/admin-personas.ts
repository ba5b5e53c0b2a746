import type { CurrentUser } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { createActeur, createStructure, createUser, uniqueEmail } from '@/tests/factories';
import { currentUserOf } from '@/tests/helpers/current-user';

/** A short random tag, to find a test's own rows in the shared database. */
export const tag = () => Math.random().toString(36).slice(2, 8);

/** The user the guards would build for this id, read back from the database. */
export const current = (id: string): Promise<CurrentUser> => currentUserOf(db, id);

/** The three personas every admin data function is tried with: an admin, a candidate, an acteur. */
export async function adminPersonas(prefix: string): Promise<{ admin: CurrentUser; candidat: CurrentUser; acteur: CurrentUser }> {
  const admin = await current((await createUser(db, { role: 'ADMIN', email: uniqueEmail(`admin-${prefix}`) })).id);
  const candidat = await current((await createUser(db, { role: 'CANDIDAT', email: uniqueEmail(`candidat-${prefix}`) })).id);
  const s = await createStructure(db, { raisonSociale: `CFA intrus ${tag()}` });
  const acteur = await current((await createActeur(db, s.id, 'GESTIONNAIRE', { email: uniqueEmail(`g-intrus-${prefix}`) })).id);
  return { admin, candidat, acteur };
}
