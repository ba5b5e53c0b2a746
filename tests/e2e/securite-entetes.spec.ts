import { readFileSync } from 'node:fs';
import type { APIResponse, Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { createUser } from '@/tests/factories';
import { expect, signIn, test, uniqueEmail } from './fixtures';

/**
 * Security headers on every kind of response (pages public and private, admin, 404, redirects,
 * route handlers, server actions), a Content-Security-Policy whose nonce changes on every
 * response and is on every <script>, no CSP violation while the app is used (sign-in, a dialog,
 * a form), and the session cookie's flags. The server is `next start` (production): HSTS is on.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const PDF = Buffer.from('%PDF-1.4\n% entetes\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function expectStaticHeaders(response: APIResponse, what: string) {
  const h = response.headers();
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], what).toBe('camera=(), microphone=(), geolocation=()');
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['strict-transport-security'], what).toBe('max-age=63072000; includeSubDomains');
}

/** The page CSP: returns its nonce. */
function expectPageCsp(response: APIResponse, what: string): string {
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp, what).toContain(d);
  return /'nonce-([^']+)'/.exec(csp)![1]!;
}

/** Every <script> of the HTML carries the response's nonce. */
function expectScriptsNonced(html: string, nonce: string, what: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, what).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, what).toContain(`nonce="${nonce}"`);
}

async function expectPage(page: Page, path: string, status: number) {
  const response = await page.request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(status);
  expectStaticHeaders(response, path);
  const nonce = expectPageCsp(response, path);
  if (status !== 307) expectScriptsNonced(await response.text(), nonce, path);
  return { response, nonce };
}

test('en-têtes de sécurité sur chaque sorte de réponse ; un nonce neuf par réponse, sur chaque script', async ({ page, loginAs, browser }) => {
  test.setTimeout(90_000);
  // public pages, 404, an offer page (its JSON-LD <script> too), a redirect of a signed-out visitor
  const first = await expectPage(page, '/', 200);
  const second = await expectPage(page, '/', 200);
  expect(second.nonce).not.toBe(first.nonce);
  await expectPage(page, '/offres', 200);
  const offre = await db.offre.findFirstOrThrow({ where: { status: 'EN_COURS' }, orderBy: { numero: 'asc' } });
  const offrePage = await expectPage(page, `/offres/${offre.numero}`, 200);
  expect(await offrePage.response.text()).toContain('application/ld+json');
  await expectPage(page, '/page-qui-nexiste-pas', 404);
  const redirect = await expectPage(page, '/mon-espace', 307);
  expect(redirect.response.headers().location).toContain('/connexion?callbackUrl=');

  // route handlers: JSON, refused CV download — nothing may run or be framed there
  for (const path of ['/api/health', '/api/cv']) {
    const response = await page.request.get(path);
    expectStaticHeaders(response, path);
    expect(response.headers()['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  }

  // a private page and a server action POST, signed in
  await loginAs('gestionnaire');
  await expectPage(page, '/mon-espace', 200);
  await expectPage(page, '/mon-compte/informations', 200);
  const manifest = JSON.parse(readFileSync(`${process.env.NEXT_DIST_DIR ?? '.next-test'}/server/server-reference-manifest.json`, 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const actionId = Object.entries(manifest.node).find(([, a]) => a.filename === 'lib/actions/referentiels.ts' && a.exportedName === 'searchAppellationsAction')![0];
  const action = await page.request.post('/mes-offres/nouvelle', {
    headers: { 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify(['carreleur']),
  });
  expect(action.status()).toBe(200);
  expectStaticHeaders(action, 'server action');
  expectPageCsp(action, 'server action');

  // admin: a page and a CSV export
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@cmonalternance.test');
  await expect(admin.getByTestId('current-user')).toBeVisible();
  await expectPage(admin, '/admin/utilisateurs', 200);
  const csv = await admin.request.get('/admin/utilisateurs/export');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expectStaticHeaders(csv, 'export CSV');
  expectPageCsp(csv, 'export CSV');
  await adminContext.close();

  // a candidate's CV: a download that may never run anything (sandbox)
  const email = uniqueEmail('entetes');
  await createUser(db, { role: 'CANDIDAT', email });
  const candidatContext = await browser.newContext();
  const candidat = await candidatContext.newPage();
  await signIn(candidat, email);
  await expect(candidat).toHaveURL(/\/candidat$/);
  const upload = await candidat.request.post('/api/cv', { multipart: { fichier: { name: 'CV.pdf', mimeType: 'application/pdf', buffer: PDF } } });
  expect(upload.status()).toBe(200);
  const cv = await candidat.request.get('/api/cv');
  expect(cv.status()).toBe(200);
  expectStaticHeaders(cv, 'CV');
  expect(cv.headers()['content-security-policy']).toContain('sandbox');
  expect(cv.headers()['content-security-policy']).toContain("default-src 'none'");
  await candidatContext.close();
});

test('aucune violation de la CSP en se servant de l’application ; le cookie de session est HttpOnly et SameSite=Lax', async ({ page }) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp = [...((window as unknown as { __csp?: string[] }).__csp ?? []), `${e.violatedDirective} ${e.blockedURI}`];
    });
  });
  const cspViolations = () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

  await page.goto('/offres');
  await page.locator('main a[href^="/offres/"]').first().click();
  await expect(page).toHaveURL(/\/offres\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await cspViolations()).toEqual([]);

  // sign in (a client form, a server action, a client-side navigation)
  await signIn(page, 'admin@cmonalternance.test');
  await expect(page.getByTestId('current-user')).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token');
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  // a script of the page cannot read it
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');

  // a dialog (React state, focus management) and a form with its client-side validation
  await page.goto('/admin/utilisateurs');
  await page.getByRole('button', { name: /^Désactiver le compte de / }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Désactiver le compte' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await page.getByText('Créer un compte administrateur', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Créer un compte administrateur' });
  await form.getByRole('button', { name: 'Créer le compte administrateur' }).click();
  await expect(form.getByRole('textbox', { name: 'Prénom', exact: true })).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'Prénom', exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.goto('/mon-compte/informations');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await cspViolations()).toEqual([]);
  expect(violations).toEqual([]);
});
