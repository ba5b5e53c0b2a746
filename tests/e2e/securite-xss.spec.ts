import type { Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import {
  createActeur,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
} from '@/tests/factories';
import { answerAs, expect, signIn, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * Stored XSS: hostile text saved by candidates and staff (names, messages, descriptions, project
 * trainings and experiences, structure and employer names, a contact message, an answer) is shown
 * literally everywhere it appears — public offer, application on both sides, profile, messages,
 * admin lists — never run nor turned into markup or links; e-mails carry it escaped; CSV exports
 * neutralise formulas. The payloads are stored directly (as any past or imported data could be).
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const XSS = `<img src=x onerror=window.__xss=1>"><script>window.__xss=1</script><a href="javascript:window.__xss=1">lien</a>`;

/** The page shows `text` literally, and nothing of the payload became markup or ran. */
async function expectInert(page: Page, path: string, texts: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const body = await page.locator('main').innerText();
  for (const text of texts) expect(body, `${path} affiche « ${text} » tel quel`).toContain(text);
  expect(await page.locator('img[src="x"]').count(), path).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count(), path).toBe(0);
  // (the text is inside Next's own data scripts as a JSON string: only an injected element would hold it alone)
  expect(await page.locator('script').evaluateAll((els) => els.filter((e) => e.textContent?.trim() === 'window.__xss=1').length), path).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
}

test('du texte hostile enregistré s’affiche tel quel partout, sans jamais s’exécuter ; e-mails échappés ; CSV neutralisés', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const structure = await createStructure(db, { raisonSociale: `CFA ${stamp} ${XSS}` });
  const acteurEmail = uniqueEmail('xss-acteur');
  const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: acteurEmail, prenom: `Paul ${XSS}`, nom: `Acteur${stamp}` });
  const employeur = await createEmployeur(db, { raisonSociale: `-Employeur ${stamp} ${XSS}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offre = await createOffre(db, {
    structureId: structure.id,
    employeurId: employeur.id,
    referentId: acteur.id,
    description: `Description ${stamp}\n${XSS}\njavascript:window.__xss=1`,
  });
  const candidatEmail = uniqueEmail('xss-candidat');
  const candidat = await createUser(db, { role: 'CANDIDAT', email: candidatEmail, prenom: `Léa ${XSS}`, nom: `=HYPERLINK("https://exemple.test","${stamp}")` });
  const projet = await createProjet(db, {
    candidatId: candidat.id,
    visible: true,
    formations: [{ intitule: `Formation ${XSS}`, statut: 'VALIDE', annee: 2025 }],
    experiences: [{ type: 'STAGE', intitule: `Expérience ${XSS}`, entreprise: `Entreprise ${XSS}`, dureeSemaines: 2, missions: `Missions ${XSS}` }],
  });
  const candidature = await createCandidature(db, { offreId: offre.id, candidatId: candidat.id, projetId: projet.id, message: `Message ${XSS}` });
  await db.message.create({ data: { structureId: structure.id, fromUserId: acteur.id, toUserId: candidat.id, projetId: projet.id, body: `Contact ${XSS}` } });
  // « Répondre à cette candidature » with a hostile answer: stored, and e-mailed to the candidate
  expect(await answerAs([{ email: acteurEmail, numero: candidature.numero, type: 'ENTRETIEN', message: `Réponse ${XSS}` }])).toEqual([{ ok: true }]);

  // the public offer page
  await expectInert(page, `/offres/${offre.numero}`, [`Description ${stamp}`, XSS, 'javascript:window.__xss=1', `-Employeur ${stamp} ${XSS}`]);

  // staff side: the application received, the candidate's profile
  await signIn(page, acteurEmail);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expectInert(page, `/mon-espace/candidatures/${candidature.numero}`, [`Message ${XSS}`, `Réponse ${XSS}`, `Formation ${XSS}`, `Missions ${XSS}`]);
  await expectInert(page, `/mon-espace/profils/${projet.numero}`, [`Formation ${XSS}`, `Expérience ${XSS}`, `Missions ${XSS}`]);

  // candidate side: his application (with the answer), his messages
  const candidatContext = await browser.newContext();
  const candidatPage = await candidatContext.newPage();
  await signIn(candidatPage, candidatEmail);
  await expect(candidatPage).toHaveURL(/\/candidat$/);
  await expectInert(candidatPage, `/candidat/candidatures/${candidature.numero}`, [`Réponse ${XSS}`, `Message ${XSS}`]);
  await expectInert(candidatPage, '/candidat/messages', [`Contact ${XSS}`, `CFA ${stamp} ${XSS}`]);
  await candidatContext.close();

  // the e-mail of the answer: the payload is escaped in the HTML part
  const mail = await waitForEmail(candidatEmail, 'entretien proposé');
  expect(mail.html).toContain('Réponse &lt;img src=x onerror=window.__xss=1&gt;&quot;&gt;&lt;script&gt;');
  expect(mail.html).not.toContain('<img src=x');
  expect(mail.html).not.toContain('<script>window.__xss');
  expect(mail.html).not.toMatch(/href="javascript:/);

  // the admin team's lists and CSV exports
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@cmonalternance.test');
  await expect(admin.getByTestId('current-user')).toBeVisible();
  await expectInert(admin, `/admin/utilisateurs?q=${encodeURIComponent(candidatEmail)}`, [`Léa ${XSS}`]);
  await expectInert(admin, `/admin/structures?q=${stamp}`, [`CFA ${stamp} ${XSS}`]);
  await expectInert(admin, `/admin/employeurs?statut=valides&q=${stamp}`, [`-Employeur ${stamp} ${XSS}`]);
  await expectInert(admin, `/admin/offres?q=${stamp}`, [`CFA ${stamp} ${XSS}`]);

  const users = await (await admin.request.get(`/admin/utilisateurs/export?q=${encodeURIComponent(candidatEmail)}`)).text();
  const userLine = users.split('\r\n').find((l) => l.includes(candidatEmail))!;
  expect(userLine).toContain(`"'=HYPERLINK(""https://exemple.test"",""${stamp}"")"`);
  const employeurs = await (await admin.request.get(`/admin/employeurs/export?statut=valides&q=${stamp}`)).text();
  const employeurLine = employeurs.split('\r\n').find((l) => l.includes(`Employeur ${stamp}`))!;
  expect(employeurLine).toContain(`'-Employeur ${stamp}`);
  expect(employeurLine).not.toMatch(/(^|;)"?-Employeur/);
  await adminContext.close();
});
