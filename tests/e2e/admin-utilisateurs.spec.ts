import type { Browser, Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { createActeur, createStructure, createUser } from '@/tests/factories';
import { callServerAction, expect, expectNoAxeViolations, formError, signIn, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * « Utilisateurs » (/admin/utilisateurs): the admin team finds an account, deactivates it (his
 * session ends at once), reactivates it, sends him a reset link, exports the list; nobody else may.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const ADMIN = '/admin/utilisateurs';
const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

async function adminPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.admin);
  await expect(page.getByTestId('current-user')).toBeVisible();
  return { context, page };
}

test('désactiver un acteur ferme sa session, le réactiver lui rend l’accès ; lien de réinitialisation ; export CSV', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const structure = await createStructure(db, { raisonSociale: `CFA Hérault ${stamp}` });
  const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail(`acteur-u-${stamp}`), prenom: 'Élodie', nom: `Château${stamp}` });
  const nom = `Élodie Château${stamp}`;

  // the acteur is signed in in his own browser
  await signIn(page, acteur.email);
  await expect(page).toHaveURL(/\/mon-espace$/);

  const { context, page: admin } = await adminPage(browser);
  await admin.goto(ADMIN);
  await expect(admin.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  // the search form is a plain GET form: name (accents ignored) + role
  await admin.getByRole('searchbox', { name: 'Nom ou e-mail' }).fill(`chateau${stamp}`);
  await admin.getByRole('combobox', { name: 'Rôle' }).selectOption('ACTEUR');
  await admin.getByRole('button', { name: 'Rechercher' }).click();
  await expect(admin).toHaveURL(new RegExp(`q=chateau${stamp}&role=ACTEUR`));
  await expect(admin.getByText('1 utilisateur.')).toBeVisible();
  const row = rowOf(admin, acteur.email);
  await expect(row).toContainText(`Château${stamp}`);
  await expect(row).toContainText(`Acteur — GESTIONNAIRE (CFA Hérault ${stamp})`);
  await expect(row).toContainText('Seul gestionnaire actif de sa structure');
  await expect(row.getByRole('cell').nth(5)).toHaveText('Oui');
  await expectNoAxeViolations(admin);

  // « Désactiver »: a confirmation dialog, with the last-gestionnaire warning
  await row.getByRole('button', { name: `Désactiver le compte de ${nom}` }).click();
  const dialog = admin.getByRole('dialog', { name: 'Désactiver le compte' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expect(dialog).toContainText(`C'est le seul gestionnaire actif de la structure « CFA Hérault ${stamp} »`);
  await expectNoAxeViolations(admin);
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  expect((await db.user.findUniqueOrThrow({ where: { id: acteur.id } })).active).toBe(true);

  await row.getByRole('button', { name: `Désactiver le compte de ${nom}` }).click();
  await dialog.getByRole('textbox', { name: /Motif/ }).fill('Départ de la structure.');
  await dialog.getByRole('button', { name: 'Désactiver le compte' }).click();
  await expect(dialog).toBeHidden();
  const banner = admin.locator('#utilisateurs-resultat');
  await expect(banner).toContainText(`Le compte de ${nom} a été désactivé`);
  await expect(banner).toContainText(`la structure « CFA Hérault ${stamp} » n'a plus de gestionnaire actif`);
  await expect(banner).toBeFocused();
  await expect(rowOf(admin, acteur.email).getByRole('cell').nth(5)).toHaveText('Non');
  const off = await waitForEmail(acteur.email, 'Votre compte CMonAlternance a été désactivé');
  expect(off.text).toContain('Motif : Départ de la structure.');

  // his session has ended: his next request sends him to the sign-in page, and he cannot sign in
  await page.goto('/mon-espace');
  await expect(page).toHaveURL(/\/connexion/);
  await signIn(page, acteur.email);
  await expect(formError(page)).toBeVisible();
  await expect(page).toHaveURL(/\/connexion/);

  // « Réactiver »
  await rowOf(admin, acteur.email).getByRole('button', { name: `Réactiver le compte de ${nom}` }).click();
  const again = admin.getByRole('dialog', { name: 'Réactiver le compte' });
  await expect(again).toBeVisible();
  await again.getByRole('button', { name: 'Réactiver le compte' }).click();
  await expect(again).toBeHidden();
  await expect(banner).toContainText(`Le compte de ${nom} a été réactivé`);
  await expect(rowOf(admin, acteur.email).getByRole('cell').nth(5)).toHaveText('Oui');
  await waitForEmail(acteur.email, 'Votre compte CMonAlternance a été réactivé');
  await signIn(page, acteur.email);
  await expect(page).toHaveURL(/\/mon-espace$/);

  // « Envoyer un lien de réinitialisation »
  await rowOf(admin, acteur.email).getByRole('button', { name: `Envoyer un lien de réinitialisation à ${nom}` }).click();
  await expect(banner).toContainText(`Un lien de réinitialisation du mot de passe a été envoyé à ${nom} (${acteur.email})`);
  const reset = await waitForEmail(acteur.email, 'Réinitialisation de votre mot de passe');
  expect(reset.text).toMatch(/\/reinitialiser-mot-de-passe\/[\w-]+/);
  const audits = await db.auditLog.findMany({ where: { entityId: acteur.id }, orderBy: { createdAt: 'asc' }, select: { action: true } });
  expect(audits.map((a) => a.action)).toEqual(['utilisateur.desactivation', 'utilisateur.reactivation', 'utilisateur.lien_reinitialisation']);

  // the admin cannot deactivate himself: no button on his own row
  await admin.goto(`${ADMIN}?q=${encodeURIComponent(DEMO_ACCOUNTS.admin)}`);
  await expect(rowOf(admin, DEMO_ACCOUNTS.admin)).toContainText('Votre compte');
  await expect(rowOf(admin, DEMO_ACCOUNTS.admin).getByRole('button', { name: /Désactiver/ })).toHaveCount(0);

  // « Exporter en CSV »
  await admin.goto(`${ADMIN}?q=chateau${stamp}`);
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: /Exporter en CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^utilisateurs-\d{4}-\d{2}-\d{2}\.csv$/);
  const response = await admin.request.get(`${ADMIN}/export?q=chateau${stamp}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['cache-control']).toBe('no-store');
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('Numéro;Nom;Prénom;E-mail;Rôle;Rôle dans la structure;Structure;Actif;Dernière connexion;Créé le');
  expect(lines).toHaveLength(3); // header, 1 row, final empty
  expect(lines[1]).toMatch(new RegExp(`^\\d{9};Château${stamp};Élodie;${acteur.email.replaceAll('.', '\\.')};Acteur;GESTIONNAIRE;CFA Hérault ${stamp};Oui;\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2};\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}$`));
  await context.close();
});

test('un candidat, un acteur et un visiteur non connecté sont refusés (page, export, actions)', async ({ page, browser }) => {
  const cible = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('cible-admin-u') });

  // signed out
  await page.goto(ADMIN);
  await expect(page).toHaveURL(/\/connexion/);
  const anonymous = await page.request.get(`${ADMIN}/export`, { maxRedirects: 0 });
  expect([401, 307, 302, 303]).toContain(anonymous.status());
  expect(await anonymous.text()).not.toContain('Dernière connexion');

  const structure = await createStructure(db, { raisonSociale: `CFA intrus ${Date.now()}` });
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('candidat-admin-u') });
  const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-intrus-admin-u') });
  for (const email of [candidat.email, acteur.email]) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signIn(p, email);
    await expect(p.getByTestId('current-user')).toBeVisible();
    expect((await p.goto(ADMIN))?.status()).toBe(403);
    await expect(p.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    const csv = await p.request.get(`${ADMIN}/export`, { maxRedirects: 0 });
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain('Dernière connexion');

    const off = await callServerAction(p, 'lib/actions/admin-utilisateurs.ts', 'setUtilisateurActifAction', [cible.id, { actif: false }], ADMIN);
    expect(off.body).not.toContain('"ok":true');
    const lien = await callServerAction(p, 'lib/actions/admin-utilisateurs.ts', 'envoyerLienReinitialisationAction', [cible.id], ADMIN);
    expect(lien.body).not.toContain('"ok":true');
    await context.close();
  }
  const after = await db.user.findUniqueOrThrow({ where: { id: cible.id } });
  expect(after).toMatchObject({ active: true, sessionVersion: cible.sessionVersion });
  expect(await db.auditLog.count({ where: { entityId: cible.id } })).toBe(0);
  expect(await db.passwordResetToken.count({ where: { userId: cible.id } })).toBe(0);
  expect(await db.emailOutbox.count({ where: { to: cible.email } })).toBe(0);
});

test('« Créer un compte administrateur » : le nouvel administrateur choisit son mot de passe puis ouvre /admin ; un candidat ne peut pas le faire', async ({ page, loginAs, browser }) => {
  await loginAs('admin');
  await page.goto('/admin/utilisateurs');
  await page.getByText('Créer un compte administrateur', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Créer un compte administrateur' });
  const email = uniqueEmail('nouvel-admin');
  await form.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Alix');
  await form.getByRole('textbox', { name: 'Nom', exact: true }).fill('Équipe');
  await form.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
  await form.getByRole('button', { name: 'Créer le compte administrateur' }).click();
  await expect(form.getByRole('status')).toContainText(`Le compte administrateur ${email} est créé`);
  await expectNoAxeViolations(page);

  // the link of the e-mail → a password → /admin
  const mail = await waitForEmail(email, 'Réinitialisation de votre mot de passe');
  const url = /https?:\/\/\S+\/reinitialiser-mot-de-passe\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
  const other = await browser.newContext();
  const p = await other.newPage();
  await p.goto(new URL(url).pathname);
  await p.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('Equipe-CMonAlternance-2026');
  await p.getByRole('textbox', { name: 'Confirmation du nouveau mot de passe', exact: true }).fill('Equipe-CMonAlternance-2026');
  await p.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
  await expect(p).toHaveURL(/\/connexion/);
  await signIn(p, email, 'Equipe-CMonAlternance-2026');
  await expect(p).toHaveURL(/\/admin$/);
  await other.close();

  // a candidate's forged call creates nothing
  const candidat = await browser.newContext();
  const c = await candidat.newPage();
  await signIn(c, DEMO_ACCOUNTS.candidat);
  const intrus = uniqueEmail('intrus-admin');
  const forged = await callServerAction(c, 'lib/actions/admin-utilisateurs.ts', 'creerAdministrateurAction', [{ prenom: 'I', nom: 'N', email: intrus }], '/admin/utilisateurs');
  expect(forged.body).not.toContain('"ok":true');
  expect(await db.user.count({ where: { email: intrus } })).toBe(0);
  await candidat.close();
});
