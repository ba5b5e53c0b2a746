import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { createActeur, createStructure, createUser } from '@/tests/factories';
import { box, callServerAction, expect, expectNoAxeViolations, signIn, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * « E-mails » (/admin/emails) and « Journal d'audit » (/admin/audit): the admin team reads the
 * outbox, opens a message (its HTML in a sandboxed frame), sends a failed one again, reads and
 * filters the journal, exports both; nobody else may.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });
const parisDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);

async function adminPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.admin);
  await expect(page.getByTestId('current-user')).toBeVisible();
  return { context, page };
}

/** A failed e-mail, as the worker leaves it after its last attempt (not due, nothing sends it). */
async function failedEmail(stamp: string) {
  return db.emailOutbox.create({
    data: {
      idempotencyKey: randomUUID(),
      to: `echec-${stamp}@exemple.test`,
      subject: `Relance ${stamp}`,
      template: 'test',
      // without the sandbox, this srcdoc frame would be same-origin and could reach the admin's page
      html: `<p>Bonjour</p><script>window.parent.document.body.setAttribute('data-pwned', '1')</script>`,
      text: `Bonjour ${stamp}`,
      status: 'ECHEC',
      attempts: 8,
      lastError: '500 application_error : panne simulée',
    },
  });
}

async function csvLines(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="/);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString('utf8').slice(1).split('\r\n');
}

test('e-mail de l’application → « Voir » (HTML isolé) ; « Réessayer » un échec → envoyé ; journal filtré ; exports CSV', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

  // an e-mail sent by the app: a password reset for a fresh user
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('admin-emails-reset') });
  await page.goto('/mot-de-passe-oublie');
  await box(page, 'E-mail').fill(user.email);
  await page.getByRole('button', { name: 'Recevoir un lien de réinitialisation' }).click();
  await expect(page.getByText('Si un compte existe avec cette adresse')).toBeVisible();
  await waitForEmail(user.email, 'Réinitialisation de votre mot de passe');

  const { context, page: admin } = await adminPage(browser);
  await admin.goto('/admin/emails');
  await expect(admin.getByRole('heading', { level: 1, name: 'E-mails' })).toBeVisible();
  await expect(admin.getByRole('link', { name: /^Tous \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
  await admin.getByRole('searchbox', { name: 'Rechercher un e-mail' }).fill(user.email);
  await admin.getByRole('button', { name: 'Rechercher' }).click();
  await expect(admin).toHaveURL(/q=admin-emails-reset/);
  const sent = rowOf(admin, user.email);
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText('Réinitialisation de votre mot de passe');
  await expect(sent).toContainText('envoyé');
  await expect(sent.getByRole('button', { name: /Réessayer/ })).toHaveCount(0);
  await expectNoAxeViolations(admin);

  // « Voir »: the text in a <pre>, the HTML in a sandboxed frame
  await sent.getByRole('link', { name: /^Voir/ }).click();
  await expect(admin.getByRole('heading', { level: 1, name: /Réinitialisation de votre mot de passe/ })).toBeVisible();
  await expect(admin.locator('pre')).toContainText('/reinitialiser-mot-de-passe/');
  const frame = admin.locator('iframe');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame).toHaveAttribute('title', /Version HTML/);
  await expect(admin.frameLocator('iframe').locator('body')).toContainText('mot de passe');
  // the sandboxed frame forbids scripts (axe would wait for it forever) and shows the e-mail's own markup
  await expectNoAxeViolations(admin, { exclude: ['iframe'] });

  // a failed e-mail: its HTML carries a script that must not run, then « Réessayer »
  const failed = await failedEmail(stamp);
  await admin.goto(`/admin/emails/${failed.id}`);
  await expect(admin.getByTestId('email-statut')).toHaveText('échec');
  await expect(admin.locator('iframe')).toHaveAttribute('sandbox', '');
  await admin.waitForTimeout(300);
  await expect(admin.locator('body')).not.toHaveAttribute('data-pwned', '1');
  await admin.goto('/admin/emails?statut=echecs');
  await expect(admin.getByRole('link', { name: /^Échecs \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
  const row = rowOf(admin, failed.to);
  await expect(row).toContainText('échec');
  await expect(row).toContainText('500 application_error : panne simulée');
  await expect(row).toContainText('8');
  await expectNoAxeViolations(admin);
  await row.getByRole('button', { name: `Réessayer l’envoi de « ${failed.subject} » à ${failed.to}` }).click();
  await expect(admin.getByRole('status').filter({ hasText: `L'e-mail à ${failed.to} a été remis dans la file d'envoi` })).toBeFocused();
  const delivered = await waitForEmail(failed.to, failed.subject);
  expect(delivered.text).toBe(`Bonjour ${stamp}`);
  await expect.poll(async () => (await db.emailOutbox.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe('ENVOYE');
  expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ attempts: 1, lastError: null });
  await admin.goto(`/admin/emails?q=${encodeURIComponent(failed.to)}`);
  await expect(rowOf(admin, failed.to)).toContainText('envoyé');

  // retrying an e-mail that is not failed is refused, even forged
  const again = await callServerAction(admin, 'lib/actions/admin-emails.ts', 'retryEmailAction', [failed.id], '/admin/emails');
  expect(again.body).not.toContain('"ok":true');
  expect(again.body).toContain('Seul un e-mail en échec peut être renvoyé');
  expect(await db.auditLog.count({ where: { entityId: failed.id } })).toBe(1);

  // CSV of the e-mails
  const lines = await csvLines(admin, `/admin/emails/export?q=${encodeURIComponent(failed.to)}`);
  expect(lines[0]).toBe('Date;Destinataire;Objet;Modèle;Statut;Tentatives;Dernière erreur;Envoyé le');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(new RegExp(`^\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2};${failed.to};${failed.subject};test;envoyé;1;;\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}$`));

  // the journal shows the retry, by the admin; filters by action and dates (GET form)
  const today = parisDay(new Date());
  const yesterday = parisDay(new Date(Date.now() - 24 * 3600_000));
  await admin.goto('/admin/audit');
  await expect(admin.getByRole('heading', { level: 1, name: "Journal d'audit" })).toBeVisible();
  await admin.getByRole('combobox', { name: 'Action' }).selectOption('email.renvoi');
  await admin.getByLabel('Du', { exact: true }).fill(today);
  await admin.getByLabel('Au', { exact: true }).fill(today);
  await admin.getByRole('button', { name: 'Filtrer' }).click();
  await expect(admin).toHaveURL(/action=email\.renvoi/);
  await expect(admin).toHaveURL(new RegExp(`du=${today}`));
  const entry = admin.locator(`tr:has-text("${failed.id}")`);
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(DEMO_ACCOUNTS.admin);
  await expect(entry).toContainText('email.renvoi');
  await expect(entry).toContainText('EmailOutbox');
  await entry.getByText('Avant / après').click();
  await expect(entry.locator('pre').first()).toContainText('"status": "ECHEC"');
  await expect(admin.getByRole('combobox', { name: 'Action' })).toHaveValue('email.renvoi');
  await expectNoAxeViolations(admin);
  // the family of actions
  await admin.goto(`/admin/audit?action=email.&du=${today}`);
  await expect(admin.locator(`tr:has-text("${failed.id}")`)).toHaveCount(1);
  // a range before today, an invalid date (ignored), another action
  await admin.goto(`/admin/audit?action=email.renvoi&au=${yesterday}`);
  await expect(admin.locator(`tr:has-text("${failed.id}")`)).toHaveCount(0);
  await admin.goto(`/admin/audit?action=email.renvoi&du=2026-02-30&page=abc`);
  await expect(admin.locator(`tr:has-text("${failed.id}")`)).toHaveCount(1);
  await admin.goto(`/admin/audit?action=offre.creation&du=${today}`);
  await expect(admin.locator(`tr:has-text("${failed.id}")`)).toHaveCount(0);
  // by actor
  await admin.goto(`/admin/audit?acteur=${encodeURIComponent(DEMO_ACCOUNTS.admin)}&action=email.renvoi`);
  await expect(admin.locator(`tr:has-text("${failed.id}")`)).toHaveCount(1);

  // CSV of the journal
  const audit = await csvLines(admin, `/admin/audit/export?action=email.renvoi&du=${today}`);
  expect(audit[0]).toBe('Date;Acteur;E-mail de l’acteur;Action;Type d’entité;Identifiant;Avant;Après;IP');
  const line = audit.find((l) => l.includes(failed.id))!;
  expect(line).toContain(`;${DEMO_ACCOUNTS.admin};email.renvoi;EmailOutbox;${failed.id};`);
  expect(line).toContain('""status"":""ECHEC""');
  await context.close();
});

test('un candidat, un acteur et un visiteur non connecté sont refusés (pages, exports, « Réessayer » forgé)', async ({ page, browser }) => {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const failed = await failedEmail(stamp);

  // signed out
  for (const path of ['/admin/emails', '/admin/audit']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/connexion/);
  }
  for (const path of ['/admin/emails/export', '/admin/audit/export']) {
    const anonymous = await page.request.get(path, { maxRedirects: 0 });
    expect([401, 307, 302, 303]).toContain(anonymous.status());
    expect(await anonymous.text()).not.toContain('Destinataire');
  }

  const structure = await createStructure(db, { raisonSociale: `CFA intrus ${stamp}` });
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('candidat-admin-emails') });
  const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-intrus-admin-emails') });
  for (const email of [candidat.email, acteur.email]) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signIn(p, email);
    await expect(p.getByTestId('current-user')).toBeVisible();
    for (const path of ['/admin/emails', `/admin/emails/${failed.id}`, '/admin/audit']) {
      expect((await p.goto(path))?.status()).toBe(403);
      await expect(p.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
      await expect(p.getByText(failed.subject)).toHaveCount(0);
    }
    for (const path of ['/admin/emails/export', '/admin/audit/export']) {
      const csv = await p.request.get(path, { maxRedirects: 0 });
      expect(csv.status()).toBe(403);
      expect(await csv.text()).not.toContain('Destinataire');
    }
    const forged = await callServerAction(p, 'lib/actions/admin-emails.ts', 'retryEmailAction', [failed.id], '/admin/emails');
    expect(forged.body).not.toContain('"ok":true');
    await context.close();
  }
  expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'ECHEC', attempts: 8 });
  expect(await db.auditLog.count({ where: { entityId: failed.id } })).toBe(0);
});
