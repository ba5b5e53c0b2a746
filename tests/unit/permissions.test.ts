import { describe, expect, it } from 'vitest';
import {
  callbackAllowedFor,
  canManageUsers,
  decideAccess,
  homePathFor,
  safeCallbackPath,
  type CurrentUser,
} from '@/lib/auth/permissions';

const structure = { id: 's1', numero: 1, raisonSociale: 'CFA', completedAt: new Date(), active: true };
function user(role: CurrentUser['role'], membership: CurrentUser['membership'] = null): CurrentUser {
  return { id: 'u', numero: 1, email: 'a@b.fr', prenom: 'A', nom: 'B', role, membership };
}
const candidat = user('CANDIDAT');
const admin = user('ADMIN');
const gestionnaire = user('ACTEUR', { role: 'GESTIONNAIRE', structure });
const utilisateur = user('ACTEUR', { role: 'UTILISATEUR', structure });
const sansStructure = user('ACTEUR');
const structureIncomplete = user('ACTEUR', { role: 'GESTIONNAIRE', structure: { ...structure, completedAt: null } });
const structureDesactivee = user('ACTEUR', { role: 'GESTIONNAIRE', structure: { ...structure, active: false } });

describe('decideAccess', () => {
  it('asks the signed-out to sign in, whatever the requirement', () => {
    for (const kind of ['user', 'candidat', 'admin', 'staff'] as const) {
      expect(decideAccess(null, { kind } as never)).toEqual({ ok: false, reason: 'signin' });
    }
  });

  it('lets each role into its own area only', () => {
    expect(decideAccess(candidat, { kind: 'candidat' }).ok).toBe(true);
    expect(decideAccess(admin, { kind: 'admin' }).ok).toBe(true);
    expect(decideAccess(gestionnaire, { kind: 'staff' }).ok).toBe(true);
    expect(decideAccess(candidat, { kind: 'admin' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(decideAccess(gestionnaire, { kind: 'admin' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(decideAccess(admin, { kind: 'staff' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(decideAccess(candidat, { kind: 'staff' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(decideAccess(gestionnaire, { kind: 'candidat' })).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('sends an acteur without a completed, active structure to the structure form', () => {
    expect(decideAccess(sansStructure, { kind: 'staff' })).toEqual({ ok: false, reason: 'structure' });
    expect(decideAccess(structureIncomplete, { kind: 'staff' })).toEqual({ ok: false, reason: 'structure' });
    expect(decideAccess(structureDesactivee, { kind: 'staff' })).toEqual({ ok: false, reason: 'structure' });
    expect(decideAccess(sansStructure, { kind: 'staff', allowIncompleteStructure: true }).ok).toBe(true);
  });

  it('keeps the users page to gestionnaires', () => {
    expect(decideAccess(gestionnaire, { kind: 'staff', role: 'GESTIONNAIRE' }).ok).toBe(true);
    expect(decideAccess(utilisateur, { kind: 'staff', role: 'GESTIONNAIRE' })).toEqual({ ok: false, reason: 'gestionnaire' });
    expect(canManageUsers(gestionnaire)).toBe(true);
    expect(canManageUsers(utilisateur)).toBe(false);
    expect(canManageUsers(admin)).toBe(false);
    expect(canManageUsers(null)).toBe(false);
  });

  it('refuses an unknown role', () => {
    const forged = { ...candidat, role: 'SUPERADMIN' } as unknown as CurrentUser;
    expect(decideAccess(forged, { kind: 'user' })).toEqual({ ok: false, reason: 'forbidden' });
  });
});

describe('landing and callbacks', () => {
  it('lands each role on its home', () => {
    expect(homePathFor(admin)).toBe('/admin');
    expect(homePathFor(candidat)).toBe('/candidat');
    expect(homePathFor(gestionnaire)).toBe('/mon-espace');
    expect(homePathFor(sansStructure)).toBe('/mon-compte/structure');
  });

  it('only follows same-site relative callbacks', () => {
    expect(safeCallbackPath('/mon-espace/favoris')).toBe('/mon-espace/favoris');
    for (const bad of ['https://evil.test', '//evil.test', '/\\evil.test', 'javascript:alert(1)', '', null, undefined, '/connexion', '/api/auth/signout']) {
      expect(safeCallbackPath(bad)).toBeNull();
    }
  });

  it('does not send a user into another role’s area', () => {
    expect(callbackAllowedFor(candidat, '/admin')).toBe(false);
    expect(callbackAllowedFor(candidat, '/mon-espace')).toBe(false);
    expect(callbackAllowedFor(gestionnaire, '/candidat/projets')).toBe(false);
    expect(callbackAllowedFor(gestionnaire, '/mes-offres')).toBe(true);
    expect(callbackAllowedFor(admin, '/admin/audit')).toBe(true);
    expect(callbackAllowedFor(candidat, '/offres/12')).toBe(true);
  });
});
