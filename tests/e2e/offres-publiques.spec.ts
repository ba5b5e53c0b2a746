import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { DEMO_PASSWORD } from '@/tests/factories';
import { expect, expectNoAxeViolations, test } from './fixtures';

const CARRELEUR = 'Carreleur / Carreleuse mosaïste';
const COUVREUR = 'Couvreur / Couvreuse';
const TECHNICO = 'Technico-commercial / Technico-commerciale';
const BOULANGER = 'Boulanger / Boulangère';

/** Contact details of the seed that must never reach a public offer page. */
const SECRETS = [
  'recrutement@carrelages-aquitains.test',
  '0556111111',
  '05 56 11 11 11',
  'contact@toitures-medoc.test',
  'contact@cfa-batiment-gironde.test',
  '0556000000',
  '05 56 00 00 00',
  '12 avenue Thiers',
  '10 rue Lucien Faure',
  'gestionnaire@cfa-batiment-gironde.test',
];

async function withDb<T>(fn: (db: import('@/lib/prisma-client').DbClient) => Promise<T>): Promise<T> {
  const { createPrismaClient } = await import('@/lib/prisma-client');
  const db = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** The seed's offers of the CFA du Bâtiment de la Gironde and of Pau, by métier and status. */
async function seedOffres() {
  return withDb(async (db) => {
    const rows = await db.offre.findMany({
      where: { structure: { raisonSociale: { in: ['CFA du Bâtiment de la Gironde', 'Mission locale Pau Pyrénées'] } } },
      select: { numero: true, metier: true, status: true },
      orderBy: { numero: 'asc' },
    });
    const find = (metier: string, status: string) => rows.find((r) => r.metier === metier && r.status === status)!.numero;
    return {
      carreleur: find(CARRELEUR, 'EN_COURS'),
      couvreur: find(COUVREUR, 'EN_COURS'),
      boulanger: find(BOULANGER, 'EN_COURS'),
      pourvue: find(CARRELEUR, 'POURVUE'),
      archivee: find(CARRELEUR, 'ARCHIVEE'),
    };
  });
}

/** The result cards (articles named by their métier heading). */
function card(page: Page, metier: string) {
  return page.getByRole('list', { name: 'Offres en cours' }).getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: metier, exact: true }) });
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'défilement horizontal').toBeLessThanOrEqual(0);
}

async function search(page: Page) {
  await page.getByRole('button', { name: 'Rechercher' }).click();
}

test.describe('Offres publiques — recherche', () => {
  test('liste par défaut, sans compte, la plus récente d’abord ; pas de défilement horizontal à 360 px', async ({ page }) => {
    const response = await page.goto('/offres');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offres en alternance');
    await expect(page.getByRole('status').filter({ hasText: /\d+ offres? correspond/ })).toBeVisible();
    for (const metier of [CARRELEUR, COUVREUR, TECHNICO, BOULANGER]) await expect(card(page, metier)).toHaveCount(1);

    const { carreleur } = await seedOffres();
    const c = card(page, CARRELEUR);
    await expect(c).toContainText(`OFFRE ${String(carreleur).padStart(10, '0')}`);
    await expect(c).toContainText("Contrat d'apprentissage");
    await expect(c).toContainText('Bordeaux (33100) — Gironde');
    await expect(c).toContainText("Date prévue d'embauche01-09-2027");
    await expect(c).toContainText('CAP carreleur mosaïste — Niveau CAP, BEP');
    await expect(c).toContainText('Carrelages Aquitains');
    await expect(c.getByRole('link', { name: /^Voir l'offre/ })).toHaveAttribute('href', `/offres/${carreleur}`);
    // the métier is shown in capitals (CSS, so screen readers read words, not letters)
    await expect(c.getByRole('heading', { level: 3 })).toHaveCSS('text-transform', 'uppercase');
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalScroll(page);
  });

  test('mot-clé sans accent ni majuscule : « mosaiste », « CARRELEUSE » trouvent le carreleur', async ({ page }) => {
    await page.goto('/offres');
    await page.getByRole('searchbox', { name: 'Mot-clé' }).fill('mosaiste');
    await search(page);
    await expect(page).toHaveURL(/[?&]q=mosaiste(&|$)/);
    await expect(card(page, CARRELEUR)).toHaveCount(1);
    await expect(card(page, COUVREUR)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '1 offre correspond à votre recherche' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Mot-clé' })).toHaveValue('mosaiste');

    await page.goto('/offres?q=CARRELEUSE');
    await expect(card(page, CARRELEUR)).toHaveCount(1);
    // an employer's name is searched too
    await page.goto('/offres?q=toitures+medoc');
    await expect(card(page, COUVREUR)).toHaveCount(1);
    await expect(card(page, TECHNICO)).toHaveCount(1);
    await expect(card(page, CARRELEUR)).toHaveCount(0);
  });

  test('les filtres réduisent la liste (département, commune, type, niveau)', async ({ page }) => {
    await page.goto('/offres');
    await page.getByRole('combobox', { name: 'Département' }).selectOption({ label: 'Pyrénées-Atlantiques (64)' });
    await search(page);
    await expect(page).toHaveURL(/[?&]departement=64(&|$)/);
    await expect(card(page, BOULANGER)).toHaveCount(1);
    await expect(card(page, CARRELEUR)).toHaveCount(0);
    // the communes of the chosen département that have open offers
    const commune = page.getByRole('combobox', { name: 'Commune' });
    await expect(commune.locator('option', { hasText: 'Pau' })).toHaveCount(1);
    await expect(commune.locator('option', { hasText: 'Bordeaux' })).toHaveCount(0);

    await page.getByRole('combobox', { name: 'Département' }).selectOption({ label: 'Gironde (33)' });
    await search(page);
    await expect(page.getByRole('combobox', { name: 'Commune' }).locator('option', { hasText: 'Pauillac' })).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Commune' }).selectOption({ label: 'Pauillac' });
    await search(page);
    await expect(page).toHaveURL(/commune=33314/);
    await expect(card(page, COUVREUR)).toHaveCount(1);
    await expect(card(page, CARRELEUR)).toHaveCount(0);
    await expect(card(page, TECHNICO)).toHaveCount(0);

    await page.goto('/offres');
    await page.getByRole('checkbox', { name: 'Contrat de professionnalisation' }).check();
    await search(page);
    await expect(page).toHaveURL(/type=CONTRAT_PRO/);
    await expect(card(page, COUVREUR)).toHaveCount(1);
    await expect(card(page, TECHNICO)).toHaveCount(1);
    await expect(card(page, CARRELEUR)).toHaveCount(0);
    await expect(card(page, BOULANGER)).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: 'Contrat de professionnalisation' })).toBeChecked();

    await page.getByRole('checkbox', { name: 'Contrat de professionnalisation' }).uncheck();
    await page.getByRole('combobox', { name: 'Niveau du diplôme' }).selectOption({ label: 'Niveau BTS, DUT, DEUST' });
    await search(page);
    await expect(page).toHaveURL(/niveau=5/);
    await expect(card(page, COUVREUR)).toHaveCount(1);
    await expect(card(page, TECHNICO)).toHaveCount(1);
    await expect(card(page, CARRELEUR)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('aucun résultat : un état vide qui aide, et des paramètres invalides ignorés sans erreur', async ({ page }) => {
    await page.goto('/offres?q=zzzintrouvable&departement=33');
    await expect(page.getByRole('status')).toHaveText('Aucune offre');
    await expect(page.getByText('Aucune offre en cours ne correspond à votre recherche.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Retirer le mot-clé « zzzintrouvable »' })).toHaveAttribute('href', '/offres?departement=33');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Retirer le mot-clé « zzzintrouvable »' }).click();
    await expect(card(page, CARRELEUR)).toHaveCount(1);

    for (const query of ['q=%25', 'q=_', `q=${'x'.repeat(10_000)}`, 'q=%27%3B+drop+table', 'niveau=99&page=-1&type=X&departement=abc&commune=zz']) {
      const response = await page.goto(`/offres?${query}`);
      expect(response?.status(), query).toBe(200);
    }
    await page.goto('/offres?q=%25');
    await expect(page.getByRole('status')).toHaveText('Aucune offre');
  });
});

test.describe('Offres publiques — pagination et sans JavaScript', () => {
  test('20 par page, navigation accessible', async ({ page }) => {
    const token = `paginee${Date.now()}`;
    const created = await withDb(async (db) => {
      const { createOffre } = await import('@/tests/factories');
      const lien = await db.structureEmployeur.findFirstOrThrow({
        where: { status: 'VALIDE', structure: { raisonSociale: 'CFA du Bâtiment de la Gironde' } },
      });
      const out = [];
      for (let i = 0; i < 21; i++) out.push(await createOffre(db, { structureId: lien.structureId, employeurId: lien.employeurId, description: `Offre ${token}` }));
      return out;
    });
    try {
      await page.goto(`/offres?q=${token}`);
      await expect(page.getByRole('status')).toHaveText('21 offres correspondent à votre recherche — page 1 sur 2');
      await expect(page.getByRole('list', { name: 'Offres en cours' }).getByRole('article')).toHaveCount(20);
      const nav = page.getByRole('navigation', { name: 'Pagination des offres' });
      await expect(nav.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
      await expectNoAxeViolations(page);
      await nav.getByRole('link', { name: 'Page suivante' }).click();
      await expect(page).toHaveURL(new RegExp(`q=${token}&page=2`));
      await expect(page.getByRole('list', { name: 'Offres en cours' }).getByRole('article')).toHaveCount(1);
    } finally {
      await withDb((db) => db.offre.deleteMany({ where: { id: { in: created.map((o) => o.id) } } }));
    }
  });

  test.describe('sans JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('le formulaire GET fonctionne', async ({ page }) => {
      await page.goto('/offres');
      await page.getByRole('searchbox', { name: 'Mot-clé' }).fill('Couvreuse');
      await page.getByRole('checkbox', { name: "Contrat d'apprentissage" }).check();
      await search(page);
      await expect(page).toHaveURL(/q=Couvreuse&departement=&commune=&niveau=&type=APPRENTISSAGE/);
      await expect(card(page, COUVREUR)).toHaveCount(1);
      await expect(card(page, CARRELEUR)).toHaveCount(0);
    });
  });
});

test.describe('Offres publiques — page d’une offre', () => {
  test('métier, diplômes, commune, employeur et domaine ; aucune coordonnée ; JSON-LD JobPosting', async ({ page }) => {
    const { carreleur, couvreur } = await seedOffres();
    const response = await page.goto(`/offres/${carreleur}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CARRELEUR);
    await expect(page.getByText(`OFFRE ${String(carreleur).padStart(10, '0')}`, { exact: true })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toContainText('Pose de carrelage et de faïence');
    await expect(main).toContainText('Lieu de travailBordeaux (33100) — Gironde');
    await expect(main).toContainText("Date prévue d'embauche01-09-2027");
    await expect(main).toContainText('Durée du contrat24 mois');
    await expect(main).toContainText('Nombre de postes1');
    await expect(main).toContainText(/Publiée le\d{2}-\d{2}-\d{4}/);
    await expect(main).toContainText('CAP carreleur mosaïste — Niveau CAP, BEP');
    await expect(main).toContainText('Raison socialeCarrelages Aquitains');
    await expect(main).toContainText("Domaine d'activitéConstruction");

    // nowhere in the HTML (text, attributes, scripts, RSC payload)
    const html = await (await page.request.get(`/offres/${carreleur}`)).text();
    for (const secret of SECRETS) expect(html, secret).not.toContain(secret);
    expect(await page.content()).not.toContain('recrutement@carrelages-aquitains.test');

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: CARRELEUR,
      employmentType: expect.arrayContaining(['FULL_TIME']),
      hiringOrganization: { '@type': 'Organization', name: 'Carrelages Aquitains' },
      identifier: { value: String(carreleur).padStart(10, '0') },
      jobLocation: { address: { addressLocality: 'Bordeaux', postalCode: '33100', addressRegion: 'Nouvelle-Aquitaine', addressCountry: 'FR' } },
      educationRequirements: [expect.objectContaining({ name: 'CAP carreleur mosaïste', credentialCategory: 'professional certificate' })],
    });
    expect(jsonLd.jobLocation.address.streetAddress).toBeUndefined();
    expect(jsonLd.hiringOrganization.email ?? jsonLd.hiringOrganization.telephone).toBeUndefined();
    expect(new Date(jsonLd.validThrough).getTime()).toBeGreaterThan(new Date(jsonLd.datePosted).getTime());
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalScroll(page);

    // two diplômes, another employer: still no contact detail
    const couvreurHtml = await (await page.request.get(`/offres/${couvreur}`)).text();
    expect(couvreurHtml).toContain('Couvreur-zingueur (BM)');
    for (const secret of SECRETS) expect(couvreurHtml, secret).not.toContain(secret);
  });

  test('« Postuler » : sans compte vers la connexion puis la page de candidature ; rien pour le personnel', async ({ page, loginAs }) => {
    const { carreleur } = await seedOffres();
    await page.goto(`/offres/${carreleur}`);
    const postuler = page.getByRole('link', { name: 'Postuler', exact: true });
    await expect(postuler).toHaveAttribute('href', `/connexion?callbackUrl=/offres/${carreleur}/postuler`);
    await postuler.click();
    await expect(page).toHaveURL(new RegExp(`/connexion\\?callbackUrl=(%2F|/)offres(%2F|/)${carreleur}(%2F|/)postuler$`));
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(DEMO_ACCOUNTS.candidat);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(`/offres/${carreleur}/postuler`);
    await expect(page.getByRole('heading', { level: 1, name: 'Postuler' })).toBeVisible();
    // the demo candidate already applied to this offer
    await expect(page.getByText('Vous avez déjà postulé à cette offre').first()).toBeVisible();

    // signed in as a candidate: a direct link
    await page.goto(`/offres/${carreleur}`);
    await expect(page.getByRole('link', { name: 'Postuler', exact: true })).toHaveAttribute('href', `/offres/${carreleur}/postuler`);

    await page.context().clearCookies();
    await loginAs('gestionnaire');
    await page.goto(`/offres/${carreleur}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CARRELEUR);
    await expect(page.getByRole('link', { name: 'Postuler', exact: true })).toHaveCount(0);
    // « Postuler » requires a candidate
    const forbidden = await page.goto(`/offres/${carreleur}/postuler`);
    expect(forbidden?.status()).toBe(403);
  });

  test('offre pourvue ou archivée : 410 « Cette offre n’est plus disponible » ; numéro inconnu ou non public : 404', async ({ page }) => {
    const { pourvue, archivee, carreleur } = await seedOffres();
    for (const numero of [pourvue, archivee]) {
      const response = await page.goto(`/offres/${numero}`);
      expect(response?.status(), `offre ${numero}`).toBe(410);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText("Cette offre n'est plus disponible");
      await expect(page.getByRole('link', { name: 'Toutes les offres en cours' })).toBeVisible();
    }
    await expectNoAxeViolations(page);
    expect((await page.request.get(`/offres/${pourvue}/indisponible`)).status()).toBe(410);
    expect((await page.request.get(`/offres/${carreleur}/indisponible`)).status()).toBe(404);

    expect((await page.goto('/offres/999999999'))?.status()).toBe(404);
    expect((await page.goto('/offres/99999999999'))?.status()).toBe(404);
    expect((await page.goto('/offres/abc'))?.status()).toBe(404);

    // an offer whose employer is not validated for its structure is not public, whatever its status
    const hidden = await withDb(async (db) => {
      const { createOffre } = await import('@/tests/factories');
      const lien = await db.structureEmployeur.findFirstOrThrow({
        where: { status: 'EN_ATTENTE', structure: { raisonSociale: 'CFA du Bâtiment de la Gironde' } },
      });
      const open = await createOffre(db, { structureId: lien.structureId, employeurId: lien.employeurId });
      const gone = await createOffre(db, { structureId: lien.structureId, employeurId: lien.employeurId, status: 'POURVUE' });
      return [open, gone];
    });
    try {
      for (const o of hidden) expect((await page.goto(`/offres/${o.numero}`))?.status(), `offre ${o.numero}`).toBe(404);
    } finally {
      await withDb((db) => db.offre.deleteMany({ where: { id: { in: hidden.map((o) => o.id) } } }));
    }
  });

  test('sitemap.xml liste les offres ouvertes, pas les pourvues', async ({ page, baseURL }) => {
    const { carreleur, boulanger, pourvue, archivee } = await seedOffres();
    const response = await page.request.get('/sitemap.xml');
    expect(response.status()).toBe(200);
    const xml = await response.text();
    for (const path of ['/offres', '/vite-mon-stage', '/mentions-legales', `/offres/${carreleur}`, `/offres/${boulanger}`]) {
      expect(xml).toContain(`<loc>${baseURL}${path}</loc>`);
    }
    expect(xml).not.toContain(`<loc>${baseURL}/offres/${pourvue}</loc>`);
    expect(xml).not.toContain(`<loc>${baseURL}/offres/${archivee}</loc>`);
    expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
  });
});
