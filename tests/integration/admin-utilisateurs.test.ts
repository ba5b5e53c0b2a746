import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/permissions';
import { RESERVE_ADMIN_MESSAGE } from '@/lib/data/admin-access';
import {
  creerAdministrateur,
  ADMIN_UTILISATEURS_ERRORS,
  envoyerLienReinitialisation,
  exportUtilisateurs,
  listUtilisateurs,
  setUtilisateurActif,
} from '@/lib/data/admin-utilisateurs';
import { db } from '@/lib/db';
import { adminPersonas, current, tag } from '@/tests/helpers/admin-personas';
import { NOUVEL_ADMIN_MESSAGES, nouvelAdminSchema } from '@/lib/validations/admin';
import { COMPTE_DESACTIVE_SUBJECT, COMPTE_REACTIVE_SUBJECT } from '@/lib/email/templates/admin';
import { PASSWORD_RESET_SUBJECT } from '@/lib/email/templates/password-reset';
import { createActeur, createStructure, createUser, uniqueEmail } from '@/tests/factories';


let admin: CurrentUser;
let candidat: CurrentUser;
let acteur: CurrentUser;

beforeAll(async () => {
  ({ admin, candidat, acteur } = await adminPersonas('utilisateurs'));
});

describe('admin « Utilisateurs » — droits', () => {
  it('refuses a candidate, an acteur, a deactivated admin and no user at all; nothing changes', async () => {
    const cible = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('cible') });
    const inactif = await current((await createUser(db, { role: 'ADMIN', email: uniqueEmail('admin-inactif-u'), active: false })).id);
    for (const user of [candidat, acteur, inactif, { ...candidat, role: 'ADMIN' as const }]) {
      await expect(listUtilisateurs(user, { page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(exportUtilisateurs(user, {})).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(setUtilisateurActif(user, cible.id, false)).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(envoyerLienReinitialisation(user, cible.id)).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    }
    await expect(listUtilisateurs(null as unknown as CurrentUser, { page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    const after = await db.user.findUniqueOrThrow({ where: { id: cible.id } });
    expect(after).toMatchObject({ active: true, sessionVersion: cible.sessionVersion });
    expect(await db.auditLog.count({ where: { entityId: cible.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: cible.email } })).toBe(0);
    expect(await db.passwordResetToken.count({ where: { userId: cible.id } })).toBe(0);
  });
});

describe('admin « Utilisateurs » — liste', () => {
  it('searches by name or e-mail (accents and case ignored), filters by role and structure', async () => {
    const t = tag();
    const structure = await createStructure(db, { raisonSociale: `Mission Locale Éléonore ${t}` });
    const gest = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail(`helene-${t}`), prenom: 'Hélène', nom: `Lefèvre${t}` });
    const util = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail(`paul-${t}`), prenom: 'Paul', nom: `Lefèvre${t}` });
    const cand = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail(`cand-${t}`), prenom: 'Zoé', nom: `Lefèvre${t}` });

    const byName = await listUtilisateurs(admin, { q: `HELENE lefevre${t}`, page: 1 });
    expect(byName.rows.map((r) => r.id)).toEqual([gest.id]);
    const byNomPrenom = await listUtilisateurs(admin, { q: `lefevre${t} helene`, page: 1 });
    expect(byNomPrenom.rows.map((r) => r.id)).toEqual([gest.id]);
    const byEmail = await listUtilisateurs(admin, { q: `PAUL-${t}`, page: 1 });
    expect(byEmail.rows.map((r) => r.id)).toEqual([util.id]);

    const all = await listUtilisateurs(admin, { q: `lefèvre${t}`, page: 1 });
    expect(all.total).toBe(3);
    // the latest created first
    expect(all.rows.map((r) => r.id)).toEqual([cand.id, util.id, gest.id]);
    const g = all.rows.find((r) => r.id === gest.id)!;
    expect(g).toMatchObject({ role: 'ACTEUR', membershipRole: 'GESTIONNAIRE', structure: { id: structure.id, raisonSociale: structure.raisonSociale }, active: true, dernierGestionnaire: true, lastLoginAt: null });
    expect(all.rows.find((r) => r.id === util.id)).toMatchObject({ membershipRole: 'UTILISATEUR', dernierGestionnaire: false });
    expect(all.rows.find((r) => r.id === cand.id)).toMatchObject({ role: 'CANDIDAT', membershipRole: null, structure: null });

    expect((await listUtilisateurs(admin, { q: `lefevre${t}`, role: 'CANDIDAT', page: 1 })).rows.map((r) => r.id)).toEqual([cand.id]);
    expect((await listUtilisateurs(admin, { q: `lefevre${t}`, role: 'ADMIN', page: 1 })).total).toBe(0);
    const byStructure = await listUtilisateurs(admin, { structure: `mission locale eleonore ${t}`, page: 1 });
    expect(byStructure.rows.map((r) => r.id).sort()).toEqual([gest.id, util.id].sort());
    expect((await listUtilisateurs(admin, { q: `%${t}_`, page: 1 })).total).toBe(0);
  });

  it('pages 20 by 20, clamps a page past the end, and exports the whole search', async () => {
    const t = tag();
    for (let i = 0; i < 21; i++) await createUser(db, { role: 'CANDIDAT', email: uniqueEmail(`lot-${t}-${i}`), nom: `Lot${t}` });
    const p1 = await listUtilisateurs(admin, { q: `lot${t}`, page: 1 });
    expect(p1).toMatchObject({ total: 21, page: 1, pageCount: 2 });
    expect(p1.rows).toHaveLength(20);
    const p9 = await listUtilisateurs(admin, { q: `lot${t}`, page: 9 });
    expect(p9).toMatchObject({ page: 2, pageCount: 2 });
    expect(p9.rows).toHaveLength(1);
    expect(await exportUtilisateurs(admin, { q: `lot${t}` })).toHaveLength(21);
  });
});

describe('admin « Utilisateurs » — désactivation, réactivation', () => {
  it('deactivates: active=false, sessionVersion bumped, reset links cancelled, audit before/after, e-mail; then reactivates', async () => {
    const t = tag();
    const structure = await createStructure(db, { raisonSociale: `CFA Solo ${t}` });
    const gest = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail(`solo-${t}`), prenom: 'Inès' });
    await db.passwordResetToken.create({ data: { userId: gest.id, tokenHash: `h-${t}`, expiresAt: new Date(Date.now() + 3600_000) } });

    const off = await setUtilisateurActif(admin, gest.id, false, '  Compte partagé entre plusieurs personnes.  ', { ip: '10.0.0.1' });
    expect(off).toMatchObject({ active: false, email: gest.email, structureSansGestionnaire: structure.raisonSociale });
    const after = await db.user.findUniqueOrThrow({ where: { id: gest.id } });
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBe(gest.sessionVersion + 1);
    expect((await db.passwordResetToken.findFirstOrThrow({ where: { tokenHash: `h-${t}` } })).usedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'utilisateur.desactivation', entityId: gest.id } });
    expect(audit).toMatchObject({
      actorId: admin.id,
      entityType: 'User',
      ip: '10.0.0.1',
      before: { active: true, sessionVersion: gest.sessionVersion },
      after: { active: false, sessionVersion: gest.sessionVersion + 1, motif: 'Compte partagé entre plusieurs personnes.' },
    });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: gest.email, subject: COMPTE_DESACTIVE_SUBJECT } });
    expect(mail.text).toContain('Motif : Compte partagé entre plusieurs personnes.');
    expect(mail.status).toBe('EN_ATTENTE');

    // again: already done, nothing more written
    await expect(setUtilisateurActif(admin, gest.id, false)).rejects.toThrow(ADMIN_UTILISATEURS_ERRORS.dejaDesactive);
    expect(await db.auditLog.count({ where: { entityId: gest.id } })).toBe(1);
    // the list tells it
    const row = (await listUtilisateurs(admin, { q: gest.email, page: 1 })).rows[0]!;
    expect(row).toMatchObject({ active: false, dernierGestionnaire: false });
    // no reset link for a deactivated account
    await expect(envoyerLienReinitialisation(admin, gest.id)).rejects.toThrow(ADMIN_UTILISATEURS_ERRORS.resetInactif);

    const on = await setUtilisateurActif(admin, gest.id, true);
    expect(on).toMatchObject({ active: true, structureSansGestionnaire: null });
    const back = await db.user.findUniqueOrThrow({ where: { id: gest.id } });
    expect(back.active).toBe(true);
    expect(back.sessionVersion).toBe(gest.sessionVersion + 2);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: 'utilisateur.reactivation', entityId: gest.id } })).toMatchObject({
      actorId: admin.id,
      before: { active: false, sessionVersion: gest.sessionVersion + 1 },
      after: { active: true, sessionVersion: gest.sessionVersion + 2 },
    });
    expect(await db.emailOutbox.count({ where: { to: gest.email, subject: COMPTE_REACTIVE_SUBJECT } })).toBe(1);
    await expect(setUtilisateurActif(admin, gest.id, true)).rejects.toThrow(ADMIN_UTILISATEURS_ERRORS.dejaActif);
  });

  it('deactivating a gestionnaire who has another active gestionnaire raises no warning', async () => {
    const structure = await createStructure(db, { raisonSociale: `CFA Duo ${tag()}` });
    const a = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('duo-a') });
    await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('duo-b') });
    expect((await listUtilisateurs(admin, { q: a.email, page: 1 })).rows[0]!.dernierGestionnaire).toBe(false);
    expect((await setUtilisateurActif(admin, a.id, false)).structureSansGestionnaire).toBeNull();
  });

  it('an admin cannot deactivate himself; an unknown id is refused', async () => {
    await expect(setUtilisateurActif(admin, admin.id, false)).rejects.toThrow(ADMIN_UTILISATEURS_ERRORS.soiMeme);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
    await expect(setUtilisateurActif(admin, 'inconnu', false)).rejects.toThrow(ADMIN_UTILISATEURS_ERRORS.introuvable);
    await expect(envoyerLienReinitialisation(admin, 'inconnu')).rejects.toThrow(ADMIN_UTILISATEURS_ERRORS.introuvable);
  });
});

describe('admin « Utilisateurs » — lien de réinitialisation', () => {
  it('enqueues the standard reset e-mail with a fresh token, audited, within the per-address limit', async () => {
    const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('reset-admin'), prenom: 'Léa' });
    const ip = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const result = await envoyerLienReinitialisation(admin, user.id, { ip });
    expect(result).toEqual({ nom: 'Léa Martin', email: user.email });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: user.email, subject: PASSWORD_RESET_SUBJECT } });
    expect(mail.text).toMatch(/\/reinitialiser-mot-de-passe\/[\w-]+/);
    expect(await db.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'utilisateur.lien_reinitialisation', entityId: user.id, actorId: admin.id, ip } })).toBe(1);

    // a new link replaces the previous one
    await envoyerLienReinitialisation(admin, user.id, { ip });
    expect(await db.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
    await envoyerLienReinitialisation(admin, user.id, { ip });
    // 3 an hour per address, as « Mot de passe oublié »
    await expect(envoyerLienReinitialisation(admin, user.id, { ip })).rejects.toThrow(ADMIN_UTILISATEURS_ERRORS.resetTropParEmail);
    expect(await db.emailOutbox.count({ where: { to: user.email, subject: PASSWORD_RESET_SUBJECT } })).toBe(3);
  });
});

describe('« Créer un compte administrateur »', () => {
  it('an admin creates another admin, who receives a link to choose his password; audited', async () => {
    const email = uniqueEmail('nouvel-admin');
    const result = await creerAdministrateur(admin, nouvelAdminSchema.parse({ prenom: 'Alix', nom: 'Équipe', email: `  ${email.toUpperCase()} ` }));
    expect(result.email).toBe(email);
    const created = await db.user.findUniqueOrThrow({ where: { email } });
    expect(created).toMatchObject({ role: 'ADMIN', active: true, prenom: 'Alix', nom: 'Équipe' });
    expect(await db.passwordResetToken.count({ where: { userId: created.id, usedAt: null } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: email, subject: PASSWORD_RESET_SUBJECT } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'admin.creation', entityId: created.id } });
    expect(audit.actorId).toBe(admin.id);
    // the new admin can act as an admin (his role is in the database)
    await expect(creerAdministrateur(await current(created.id), nouvelAdminSchema.parse({ prenom: 'B', nom: 'C', email: uniqueEmail('admin-2') }))).resolves.toBeDefined();
  });

  it('never promotes an existing account, and only an admin may do it', async () => {
    const before = await db.user.count({ where: { role: 'ADMIN' } });
    await expect(creerAdministrateur(admin, nouvelAdminSchema.parse({ prenom: 'X', nom: 'Y', email: candidat.email }))).rejects.toThrow(NOUVEL_ADMIN_MESSAGES.existe);
    for (const user of [candidat, acteur]) {
      await expect(creerAdministrateur(user, nouvelAdminSchema.parse({ prenom: 'X', nom: 'Y', email: uniqueEmail('intrus') }))).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    }
    expect(await db.user.count({ where: { role: 'ADMIN' } })).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: candidat.id } })).role).toBe('CANDIDAT');
  });
});
