/**
 * Pure authorization rules (no I/O): unit-tested in tests/unit/permissions.test.ts.
 * The guards in lib/auth/guards.ts apply them to the user read from the database.
 */
export type Role = 'CANDIDAT' | 'ACTEUR' | 'ADMIN';
export type MembershipRole = 'GESTIONNAIRE' | 'UTILISATEUR';

export interface CurrentUser {
  id: string;
  numero: number;
  email: string;
  prenom: string;
  nom: string;
  role: Role;
  membership: {
    role: MembershipRole;
    structure: { id: string; numero: number; raisonSociale: string; completedAt: Date | null; active: boolean };
  } | null;
}

/** The fields of CurrentUser, as a Prisma select (used by lib/auth/session.ts and the tests). */
export const CURRENT_USER_SELECT = {
  id: true,
  numero: true,
  email: true,
  prenom: true,
  nom: true,
  role: true,
  membership: {
    select: {
      role: true,
      structure: { select: { id: true, numero: true, raisonSociale: true, completedAt: true, active: true } },
    },
  },
} as const;

export type Requirement =
  | { kind: 'user' }
  | { kind: 'candidat' }
  | { kind: 'admin' }
  /** an acteur; `role` restricts to gestionnaires; `allowIncompleteStructure` for the structure form itself */
  | { kind: 'staff'; role?: MembershipRole; allowIncompleteStructure?: boolean };

export type AccessDecision =
  | { ok: true }
  | { ok: false; reason: 'signin' | 'forbidden' | 'structure' | 'gestionnaire' };

const KNOWN_ROLES: readonly Role[] = ['CANDIDAT', 'ACTEUR', 'ADMIN'];

export function hasCompletedStructure(user: CurrentUser): boolean {
  return Boolean(user.membership?.structure.completedAt && user.membership.structure.active);
}

export function decideAccess(user: CurrentUser | null, req: Requirement): AccessDecision {
  if (!user) return { ok: false, reason: 'signin' };
  if (!KNOWN_ROLES.includes(user.role)) return { ok: false, reason: 'forbidden' };
  switch (req.kind) {
    case 'user':
      return { ok: true };
    case 'candidat':
      return user.role === 'CANDIDAT' ? { ok: true } : { ok: false, reason: 'forbidden' };
    case 'admin':
      return user.role === 'ADMIN' ? { ok: true } : { ok: false, reason: 'forbidden' };
    case 'staff': {
      if (user.role !== 'ACTEUR') return { ok: false, reason: 'forbidden' };
      if (!req.allowIncompleteStructure && !hasCompletedStructure(user)) return { ok: false, reason: 'structure' };
      if (req.role && user.membership?.role !== req.role) return { ok: false, reason: 'gestionnaire' };
      return { ok: true };
    }
    default:
      return { ok: false, reason: 'forbidden' };
  }
}

/** Where a user lands after sign-in. */
export function homePathFor(user: Pick<CurrentUser, 'role' | 'membership'>): string {
  switch (user.role) {
    case 'ADMIN':
      return '/admin';
    case 'CANDIDAT':
      return '/candidat';
    case 'ACTEUR':
      return hasCompletedStructure(user as CurrentUser) ? '/mon-espace' : '/mon-compte/structure';
    default:
      return '/';
  }
}

export function canManageUsers(user: CurrentUser | null): boolean {
  return decideAccess(user, { kind: 'staff', role: 'GESTIONNAIRE' }).ok;
}

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/connexion') || value.startsWith('/inscription') || value.startsWith('/api/')) return null;
  return value;
}

/** Whether a signed-in user may follow a callback path (a candidate is not sent into /admin, …). */
export function callbackAllowedFor(user: Pick<CurrentUser, 'role'>, path: string): boolean {
  if (path.startsWith('/admin')) return user.role === 'ADMIN';
  if (path.startsWith('/candidat')) return user.role === 'CANDIDAT';
  if (/^\/(mon-compte|mes-offres|mon-espace)(\/|$)/.test(path)) return user.role === 'ACTEUR';
  return true;
}
