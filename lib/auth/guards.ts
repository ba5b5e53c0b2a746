import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { decideAccess, type CurrentUser, type MembershipRole, type Requirement } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';

export const GESTIONNAIRE_ONLY_MESSAGE = 'Seul le gestionnaire peut accéder aux rôles utilisateurs de ma structure';
/** Where the members of a structure deactivated by the admin team are sent (`?erreur=structure-desactivee`). */
export const STRUCTURE_DESACTIVEE_PATH = '/?erreur=structure-desactivee';
export const STRUCTURE_DESACTIVEE_MESSAGE =
  "Votre structure a été désactivée par l'équipe CMonAlternance : vous ne pouvez plus agir pour elle. Pour toute question, contactez l'équipe CMonAlternance.";

export type StaffUser = CurrentUser & { membership: NonNullable<CurrentUser['membership']> };

async function enforce(req: Requirement): Promise<CurrentUser> {
  const user = await getCurrentUser();
  const decision = decideAccess(user, req);
  if (decision.ok) {
    // a member of a structure deactivated by the admin team can no longer act for it
    if (req.kind === 'staff' && user!.membership && !user!.membership.structure.active) redirect(STRUCTURE_DESACTIVEE_PATH);
    return user!;
  }
  if (decision.reason === 'structure' && user?.membership && !user.membership.structure.active) redirect(STRUCTURE_DESACTIVEE_PATH);
  switch (decision.reason) {
    case 'signin':
      redirect('/connexion');
    case 'structure':
      redirect('/mon-compte/structure');
    case 'gestionnaire':
      redirect('/?erreur=gestionnaire');
    default:
      forbidden();
  }
}

export function requireUser(): Promise<CurrentUser> {
  return enforce({ kind: 'user' });
}

export function requireCandidate(): Promise<CurrentUser> {
  return enforce({ kind: 'candidat' });
}

export function requireAdmin(): Promise<CurrentUser> {
  return enforce({ kind: 'admin' });
}

/** An acteur with a completed, active structure (optionally a gestionnaire of it). */
export async function requireStaff(opts: { role?: MembershipRole } = {}): Promise<StaffUser> {
  return (await enforce({ kind: 'staff', ...opts })) as StaffUser;
}

/** An acteur, whether or not his structure is completed yet (the structure form itself). */
export function requireActeur(): Promise<CurrentUser> {
  return enforce({ kind: 'staff', allowIncompleteStructure: true });
}
