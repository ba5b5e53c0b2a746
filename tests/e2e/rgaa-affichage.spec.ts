import type { Browser } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { CARRELEUR, COUVREUR } from '@/tests/factories';
import { expect, signIn, test } from './fixtures';

/**
 * Readable at 360 px wide, at 1280 px, and at 200 % zoom of a 1280 × 800 window (RGAA 10.4, 10.11;
 * WCAG 1.4.4, 1.4.10): no horizontal scrolling on the main pages, and a full-page screenshot of
 * each, kept in the test's output folder (`<outputDir>/rgaa-affichage-pages-princ-…-chromium/<mode>-<page>.png`,
 * outputDir being test-results/e2e in `npm test`).
 *
 * 200 % zoom is emulated as the browser does it: zooming a 1280 × 800 window to 200 % leaves a
 * layout viewport of 640 × 400 CSS pixels drawn with 2 device pixels per CSS pixel, so the page
 * gets the same media queries and the same text size as a real zoom (CSS `zoom` on <html> would
 * keep the 1280 px media queries and is not what users get).
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

type Who = 'anonyme' | 'gestionnaire' | 'candidat' | 'admin';
const MODES = [
  { name: '360px', viewport: { width: 360, height: 800 }, deviceScaleFactor: 1 },
  { name: '1280px', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: 'zoom-200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;

const CFA = 'CFA du Bâtiment de la Gironde';
let urls: Record<Who, [string, string][]>;

test.beforeAll(async () => {
  const offre = await db.offre.findFirstOrThrow({ where: { structure: { raisonSociale: CFA }, status: 'EN_COURS', metier: CARRELEUR.metier }, orderBy: { numero: 'asc' }, select: { id: true, numero: true } });
  const couvreur = await db.offre.findFirstOrThrow({ where: { structure: { raisonSociale: CFA }, status: 'EN_COURS', metier: COUVREUR.metier }, orderBy: { numero: 'asc' }, select: { numero: true } });
  const candidature = await db.candidature.findFirstOrThrow({ where: { offreId: offre.id, candidat: { email: DEMO_ACCOUNTS.candidat } }, select: { numero: true } });
  urls = {
    anonyme: [
      ['accueil', '/'],
      ['offres', '/offres'],
      ['offre', `/offres/${offre.numero}`],
      ['connexion', '/connexion'],
      ['inscription', '/inscription'],
    ],
    gestionnaire: [
      ['mes-offres', '/mes-offres'],
      ['creer-une-offre', '/mes-offres/nouvelle'],
      ['tableau-de-bord', '/mon-espace'],
      ['recherche-de-profils', '/mon-espace/profils'],
      ['candidatures', '/mon-espace/candidatures'],
      ['candidature', `/mon-espace/candidatures/${candidature.numero}`],
    ],
    candidat: [
      ['mes-projets', '/candidat/projets'],
      ['postuler', `/offres/${couvreur.numero}/postuler`],
    ],
    admin: [['admin', '/admin']],
  };
});

async function contextAs(browser: Browser, who: Who, mode: (typeof MODES)[number]) {
  const context = await browser.newContext({ viewport: mode.viewport, deviceScaleFactor: mode.deviceScaleFactor });
  const page = await context.newPage();
  if (who !== 'anonyme') {
    await signIn(page, DEMO_ACCOUNTS[who]);
    await expect(page.getByTestId('current-user')).toBeAttached();
  }
  return page;
}

for (const mode of MODES) {
  test(`pages principales à ${mode.name} : pas de défilement horizontal, captures d’écran`, async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    for (const who of Object.keys(urls) as Who[]) {
      const page = await contextAs(browser, who, mode);
      for (const [name, url] of urls[who]) {
        await test.step(`${who} ${url}`, async () => {
          const response = await page.goto(url);
          expect.soft(response?.status(), url).toBe(200);
          await expect(page.locator('h1')).toBeVisible();
          const overflow = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
            // what sticks out, to fix it
            wide: [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .slice(0, 5)
              .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).slice(0, 60)}`),
          }));
          expect.soft(overflow.scrollWidth, `${mode.name} ${url} : défilement horizontal (${overflow.wide.join(' | ')})`).toBeLessThanOrEqual(overflow.clientWidth);
          // kept in this test's output folder under a readable name (not attached too: one copy of each)
          await page.screenshot({ path: testInfo.outputPath(`${mode.name}-${name}.png`), fullPage: true });
        });
      }
      await page.context().close();
    }
  });
}
