import { currentUserOf } from '@/tests/helpers/current-user';
import { afterAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/permissions';
import { hashToken } from '@/lib/data/auth';
import {
  INVITATION_TTL_MS,
  MembreNotFoundError,
  MembresForbiddenError,
  acceptInvitation,
  addMembre,
  cancelInvitation,
  getInvitation,
  listMembres,
  removeMembre,
  transferRights,
} from '@/lib/data/membres';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { MEMBRES_MESSAGES as M } from '@/lib/validations/membres';
import { createActeur, createStructure, createUser, uniqueEmail } from '@/tests/factories';

const NEW_PASSWORD = 'Invitation-2026!';
const DAY = 24 * 60 * 60 * 1000;

/** The signed-in user as lib/auth/session.ts reads it (the shape the guards hand to data functions). */
const asCurrentUser = (id: string): Promise<CurrentUser> => currentUserOf(db, id);

/** A fresh structure with one gestionnaire (and optionally more members). */
async function freshStructure(extra: { gestionnaires?: number; utilisateurs?: number } = {}) {
  const structure = await createStructure(db, { raisonSociale: `CFA intégration ${Math.random().toString(36).slice(2, 8)}` });
  const g = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('gestionnaire'), prenom: 'Gaëlle', nom: 'Gestion' });
  const gestionnaires = [g];
  for (let i = 1; i < (extra.gestionnaires ?? 1); i++) {
    gestionnaires.push(await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail(`gestionnaire${i}`), prenom: `G${i}`, nom: 'Gestion' }));
  }
  const utilisateurs = [];
  for (let i = 0; i < (extra.utilisateurs ?? 0); i++) {
    utilisateurs.push(await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail(`utilisateur${i}`), prenom: `U${i}`, nom: 'Utile' }));
  }
  return { structure, g, gestionnaires, utilisateurs, me: await asCurrentUser(g.id) };
}

async function roleOf(userId: string) {
  return (await db.membership.findUnique({ where: { userId }, select: { role: true } }))?.role ?? null;
}

async function lastEmail(to: string, template: string) {
  return db.emailOutbox.findFirstOrThrow({ where: { to, template }, orderBy: { createdAt: 'desc' } });
}

function tokenFrom(text: string): string {
  return text.match(/\/invitation\/([\w-]+)/)![1]!;
}

afterAll(async () => {
  await db.$disconnect();
});

describe('access: only a gestionnaire, only his structure', () => {
  it('refuses an utilisateur in every data function (the role is checked here, not only by the page)', async () => {
    const { structure, g } = await freshStructure();
    const u = await createActeur(db, structure.id, 'UTILISATEUR');
    const asU = await asCurrentUser(u.id);
    await expect(listMembres(asU)).rejects.toBeInstanceOf(MembresForbiddenError);
    await expect(addMembre(asU, { email: uniqueEmail('x'), role: 'GESTIONNAIRE' })).rejects.toThrow(M.reserveAuGestionnaire);
    await expect(removeMembre(asU, g.numero)).rejects.toBeInstanceOf(MembresForbiddenError);
    await expect(transferRights(asU, u.numero)).rejects.toBeInstanceOf(MembresForbiddenError);
    await expect(cancelInvitation(asU, 'nimporte')).rejects.toBeInstanceOf(MembresForbiddenError);
    expect(await roleOf(g.id)).toBe('GESTIONNAIRE');
  });

  it('re-reads the role inside the transaction: a stale « gestionnaire » object is refused', async () => {
    const { me, structure } = await freshStructure();
    await db.membership.update({ where: { userId: me.id }, data: { role: 'UTILISATEUR' } });
    const other = await createActeur(db, structure.id, 'UTILISATEUR');
    await expect(transferRights(me, other.numero)).rejects.toBeInstanceOf(MembresForbiddenError);
    await expect(addMembre(me, { email: uniqueEmail('x'), role: 'UTILISATEUR' })).rejects.toBeInstanceOf(MembresForbiddenError);
  });

  it('lists only the members and invitations of the caller’s structure; a foreign number is « introuvable »', async () => {
    const a = await freshStructure({ utilisateurs: 1 });
    const b = await freshStructure({ utilisateurs: 1 });
    await addMembre(b.me, { email: uniqueEmail('invite-b'), role: 'UTILISATEUR' });
    const list = await listMembres(a.me);
    expect(list.membres.map((m) => m.email).sort()).toEqual([a.g.email, a.utilisateurs[0]!.email].sort());
    expect(list.membres.find((m) => m.email === a.g.email)?.estMoi).toBe(true);
    expect(list.membres[0]?.role).toBe('GESTIONNAIRE');
    expect(list.invitations).toEqual([]);

    const foreign = b.utilisateurs[0]!;
    await expect(removeMembre(a.me, foreign.numero)).rejects.toBeInstanceOf(MembreNotFoundError);
    await expect(transferRights(a.me, foreign.numero)).rejects.toBeInstanceOf(MembreNotFoundError);
    await expect(removeMembre(a.me, 999_999_999)).rejects.toThrow(M.membreIntrouvable);
    const foreignInvitation = await db.invitation.findFirstOrThrow({ where: { structureId: b.structure.id } });
    await expect(cancelInvitation(a.me, foreignInvitation.id)).rejects.toBeInstanceOf(MembreNotFoundError);
    // nothing changed over there
    expect(await roleOf(foreign.id)).toBe('UTILISATEUR');
    expect(await db.invitation.count({ where: { id: foreignInvitation.id } })).toBe(1);
  });
});

describe('« 1 AJOUTER UN GESTIONNAIRE »', () => {
  it('an acteur without structure joins at once, is e-mailed, and it is audited', async () => {
    const { me, structure } = await freshStructure();
    const sans = await createUser(db, { role: 'ACTEUR', prenom: 'Solène' });
    const result = await addMembre(me, { email: `  ${sans.email.toUpperCase()} `, role: 'GESTIONNAIRE' }, { ip: '10.0.0.7' });
    expect(result).toMatchObject({ kind: 'ajoute', numero: sans.numero, role: 'GESTIONNAIRE' });
    expect(await db.membership.findUnique({ where: { userId: sans.id }, select: { structureId: true, role: true } })).toEqual({
      structureId: structure.id,
      role: 'GESTIONNAIRE',
    });
    const mail = await lastEmail(sans.email, 'membre-ajout');
    expect(mail.subject).toContain(structure.raisonSociale);
    expect(mail.text).toContain('Bonjour Solène');
    expect(mail.text).toContain('Gaëlle Gestion');
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'membre.ajout', actorId: me.id } });
    expect(audit.after).toMatchObject({ structureId: structure.id, userId: sans.id, role: 'GESTIONNAIRE' });
    expect(audit.ip).toBe('10.0.0.7');

    // also as UTILISATEUR
    const autre = await createUser(db, { role: 'ACTEUR' });
    await addMembre(me, { email: autre.email, role: 'UTILISATEUR' });
    expect(await roleOf(autre.id)).toBe('UTILISATEUR');
  });

  it('refuses a candidate, an admin, an inactive account, and a member of this or another structure — without naming it', async () => {
    const { me, g } = await freshStructure();
    const other = await freshStructure({ utilisateurs: 1 });
    const candidat = await createUser(db, { role: 'CANDIDAT' });
    const admin = await createUser(db, { role: 'ADMIN' });
    const inactif = await createUser(db, { role: 'ACTEUR', active: false });
    const cases: [string, string][] = [
      [candidat.email, M.pasUnActeur],
      [admin.email, M.pasUnActeur],
      [inactif.email, M.compteInactif],
      [other.utilisateurs[0]!.email, M.dejaMembreAilleurs],
      [other.g.email, M.dejaMembreAilleurs],
      [g.email, M.dejaMembreIci],
    ];
    for (const [email, message] of cases) {
      const error = await addMembre(me, { email, role: 'GESTIONNAIRE' }).catch((e: unknown) => e);
      expect(error, email).toBeInstanceOf(UserFacingError);
      expect((error as UserFacingError).message).toBe(message);
      expect((error as UserFacingError).fieldErrors?.email).toBe(message);
      expect((error as UserFacingError).message).not.toContain(other.structure.raisonSociale);
    }
    expect(await roleOf(other.utilisateurs[0]!.id)).toBe('UTILISATEUR');
    expect(await db.membership.findUnique({ where: { userId: candidat.id } })).toBeNull();
    expect(await db.invitation.count({ where: { email: { in: cases.map(([e]) => e) } } })).toBe(0);
  });

  it('two structures adding the same free acteur at the same moment: one wins, the other gets the clear refusal', async () => {
    const a = await freshStructure();
    const b = await freshStructure();
    const libre = await createUser(db, { role: 'ACTEUR' });
    const results = await Promise.allSettled([
      addMembre(a.me, { email: libre.email, role: 'UTILISATEUR' }),
      addMembre(b.me, { email: libre.email, role: 'UTILISATEUR' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect((rejected.reason as Error).message).toBe(M.dejaMembreAilleurs);
  });
});

describe('invitations', () => {
  it('an unknown e-mail gets a 7-day single-use link; only the SHA-256 of the token is stored', async () => {
    const { me, structure } = await freshStructure();
    const email = uniqueEmail('inconnu');
    const now = new Date('2026-03-02T09:00:00Z');
    const result = await addMembre(me, { email, role: 'UTILISATEUR' }, { now });
    expect(result).toEqual({ kind: 'invite', email, role: 'UTILISATEUR', expiresAt: new Date(now.getTime() + 7 * DAY) });

    const mail = await lastEmail(email, 'membre-invitation');
    expect(mail.subject).toBe(`Invitation à rejoindre ${structure.raisonSociale} sur CMonAlternance`);
    expect(mail.text).toContain('Gaëlle Gestion vous invite');
    expect(mail.text).toContain("jusqu'au 09-03-2026");
    const token = tokenFrom(mail.text);
    const row = await db.invitation.findFirstOrThrow({ where: { structureId: structure.id, email }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(INVITATION_TTL_MS);
    expect(row.invitedById).toBe(me.id);
    expect(await db.auditLog.count({ where: { action: 'membre.invitation', entityId: row.id } })).toBe(1);

    expect((await listMembres(me, now)).invitations).toEqual([{ id: row.id, email, role: 'UTILISATEUR', expiresAt: row.expiresAt }]);
    expect((await listMembres(me, new Date(now.getTime() + 8 * DAY))).invitations).toEqual([]);

    // inviting again replaces the pending link
    await addMembre(me, { email, role: 'GESTIONNAIRE' }, { now });
    const token2 = tokenFrom((await lastEmail(email, 'membre-invitation')).text);
    expect(token2).not.toBe(token);
    expect(await getInvitation(token, now)).toEqual({ status: 'inconnue' });
    expect(await getInvitation(token2, now)).toMatchObject({ status: 'valide', email, role: 'GESTIONNAIRE', structure: structure.raisonSociale });
  });

  it('accepting creates the acteur and the membership in one go, then the link is used; expired after 7 days', async () => {
    const { me, structure } = await freshStructure();
    const email = uniqueEmail('nouveau');
    const sentAt = new Date();
    await addMembre(me, { email, role: 'GESTIONNAIRE' }, { now: sentAt });
    const token = tokenFrom((await lastEmail(email, 'membre-invitation')).text);
    const input = { token, prenom: 'Noé', nom: 'Nouveau', telephone: '0556000099', password: NEW_PASSWORD };

    // expired: exactly 7 days later and after
    const later = new Date(sentAt.getTime() + INVITATION_TTL_MS);
    expect(await getInvitation(token, later)).toEqual({ status: 'expiree' });
    await expect(acceptInvitation(input, { now: later })).rejects.toThrow(M.invitationExpiree);
    expect(await db.user.count({ where: { email } })).toBe(0);

    const at = new Date(sentAt.getTime() + 6 * DAY);
    const { userId } = await acceptInvitation(input, { now: at, ip: '10.0.0.8' });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { membership: true } });
    expect(user).toMatchObject({ email, role: 'ACTEUR', prenom: 'Noé', nom: 'Nouveau', telephone: '0556000099' });
    expect(user.membership).toMatchObject({ structureId: structure.id, role: 'GESTIONNAIRE' });
    const row = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(row.acceptedAt).toEqual(at);
    expect(await db.auditLog.count({ where: { action: 'membre.invitation_acceptee', entityId: row.id, actorId: userId } })).toBe(1);
    expect((await lastEmail(email, 'membre-invitation-acceptee')).text).toContain(structure.raisonSociale);
    expect((await lastEmail(me.email, 'membre-invitation-acceptee-avis')).text).toContain('Noé Nouveau');

    // single use
    expect(await getInvitation(token, at)).toEqual({ status: 'utilisee' });
    await expect(acceptInvitation({ ...input, prenom: 'Autre' }, { now: at })).rejects.toThrow(M.invitationUtilisee);
    expect(await getInvitation('n-importe-quel-jeton-inconnu-0123456789')).toEqual({ status: 'inconnue' });
  });

  it('the same link used twice at the same moment creates one account only', async () => {
    const { me, structure } = await freshStructure();
    const email = uniqueEmail('double');
    await addMembre(me, { email, role: 'UTILISATEUR' });
    const token = tokenFrom((await lastEmail(email, 'membre-invitation')).text);
    const input = { token, prenom: 'Dé', nom: 'Doublé', password: NEW_PASSWORD };
    const results = await Promise.allSettled([acceptInvitation(input), acceptInvitation(input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(rejected.reason).toBeInstanceOf(UserFacingError);
    expect(await db.membership.count({ where: { structureId: structure.id, user: { email } } })).toBe(1);
  });

  it('refuses when an account was created meanwhile with that address, and keeps the invitation unused', async () => {
    const { me } = await freshStructure();
    const email = uniqueEmail('entre-temps');
    await addMembre(me, { email, role: 'UTILISATEUR' });
    const token = tokenFrom((await lastEmail(email, 'membre-invitation')).text);
    await createUser(db, { role: 'CANDIDAT', email });
    await expect(acceptInvitation({ token, prenom: 'A', nom: 'B', password: NEW_PASSWORD })).rejects.toThrow(M.compteExistant);
    expect((await db.invitation.findFirstOrThrow({ where: { email } })).acceptedAt).toBeNull();
  });

  it('« Annuler l’invitation » kills the link, e-mails the invitee and is audited', async () => {
    const { me, structure } = await freshStructure();
    const email = uniqueEmail('annule');
    await addMembre(me, { email, role: 'UTILISATEUR' });
    const token = tokenFrom((await lastEmail(email, 'membre-invitation')).text);
    const row = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(await cancelInvitation(me, row.id)).toEqual({ email });
    expect(await getInvitation(token)).toEqual({ status: 'inconnue' });
    await expect(acceptInvitation({ token, prenom: 'A', nom: 'B', password: NEW_PASSWORD })).rejects.toThrow(M.invitationInconnue);
    expect((await lastEmail(email, 'membre-invitation-annulee')).text).toContain(structure.raisonSociale);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'membre.invitation_annulee', entityId: row.id } });
    expect(audit.before).toMatchObject({ email, role: 'UTILISATEUR' });
    await expect(cancelInvitation(me, row.id)).rejects.toThrow(M.invitationIntrouvable);
  });
});

describe('« Retirer de la structure »', () => {
  it('removes the member, revokes his sessions, e-mails and audits', async () => {
    const { me, structure, utilisateurs } = await freshStructure({ utilisateurs: 1 });
    const u = utilisateurs[0]!;
    const before = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });
    expect(await removeMembre(me, u.numero)).toEqual({ numero: u.numero, email: u.email });
    expect(await db.membership.findUnique({ where: { userId: u.id } })).toBeNull();
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true, active: true } });
    expect(after).toEqual({ sessionVersion: before.sessionVersion + 1, active: true });
    expect((await lastEmail(u.email, 'membre-retrait')).text).toContain(structure.raisonSociale);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'membre.retrait', actorId: me.id } });
    expect(audit.before).toMatchObject({ structureId: structure.id, userId: u.id, role: 'UTILISATEUR' });
    expect(audit.after).toBeNull();
    await expect(removeMembre(me, u.numero)).rejects.toBeInstanceOf(MembreNotFoundError);
  });

  it('never oneself, and never the last gestionnaire', async () => {
    const solo = await freshStructure({ utilisateurs: 1 });
    await expect(removeMembre(solo.me, solo.g.numero)).rejects.toThrow(M.dernierGestionnaire);
    const duo = await freshStructure({ gestionnaires: 2 });
    await expect(removeMembre(duo.me, duo.g.numero)).rejects.toThrow(M.retraitSoiMeme);
    // a gestionnaire may remove another gestionnaire: one is left
    await removeMembre(duo.me, duo.gestionnaires[1]!.numero);
    expect(await db.membership.count({ where: { structureId: duo.structure.id, role: 'GESTIONNAIRE' } })).toBe(1);
    expect(await roleOf(solo.g.id)).toBe('GESTIONNAIRE');
  });
});

describe('« 2 TRANSFÉRER MES DROITS »', () => {
  it('swaps the roles in one transaction, e-mails both and audits', async () => {
    const { me, structure, utilisateurs } = await freshStructure({ utilisateurs: 1 });
    const u = utilisateurs[0]!;
    expect(await transferRights(me, u.numero)).toEqual({ numero: u.numero });
    expect(await roleOf(u.id)).toBe('GESTIONNAIRE');
    expect(await roleOf(me.id)).toBe('UTILISATEUR');
    expect((await lastEmail(u.email, 'membre-droits-recus')).text).toContain('Gaëlle Gestion vous a transféré ses droits');
    expect((await lastEmail(me.email, 'membre-droits-transferes')).text).toContain(structure.raisonSociale);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'membre.transfert_droits', entityId: structure.id } });
    expect(audit.before).toEqual({
      membres: [
        { userId: me.id, numero: me.numero, role: 'GESTIONNAIRE' },
        { userId: u.id, numero: u.numero, role: 'UTILISATEUR' },
      ],
    });
    expect(audit.after).toMatchObject({ membres: [{ role: 'UTILISATEUR' }, { role: 'GESTIONNAIRE' }] });
    // the former gestionnaire, now utilisateur, can no longer manage (read again from the database)
    await expect(listMembres(await asCurrentUser(me.id))).rejects.toBeInstanceOf(MembresForbiddenError);
  });

  it('refuses oneself and a member who is already gestionnaire', async () => {
    const { me, g, gestionnaires } = await freshStructure({ gestionnaires: 2 });
    await expect(transferRights(me, g.numero)).rejects.toThrow(M.transfertSoiMeme);
    await expect(transferRights(me, gestionnaires[1]!.numero)).rejects.toThrow(M.transfertDejaGestionnaire);
    expect(await roleOf(g.id)).toBe('GESTIONNAIRE');
  });
});

