import type { ServerReferenceManifest } from '@/bench/server';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@/tests/factories';
import { DEMO_ACCOUNTS } from '@/prisma/seed';

export const FAKE_RESEND_URL = `http://127.0.0.1:${process.env.FAKE_RESEND_PORT ?? 4010}`;
export const FAKE_ENTREPRISES_URL = `http://127.0.0.1:${process.env.FAKE_ENTREPRISES_PORT ?? Number(process.env.FAKE_RESEND_PORT ?? 4010) + 10}`;

export type Persona = 'admin' | 'gestionnaire' | 'utilisateur' | 'gestionnairePau' | 'candidat';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/connexion');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion\?deconnecte=1$/);
}

/** The form-level error banner (Next adds its own empty role=alert route announcer). */
export function formError(page: Page) {
  return page.locator('#form-error');
}

export const test = base.extend<{ loginAs: (persona: Persona) => Promise<void> }>({
  loginAs: async ({ page }, use) => {
    await use(async (persona) => {
      await signIn(page, DEMO_ACCOUNTS[persona]);
      await expect(page.getByTestId('current-user')).toBeVisible();
    });
  },
});

export { expect };

/** The axe-core tags of the WCAG 2.1 A and AA rules (what the « Déclaration d'accessibilité » states). */
export const AXE_WCAG21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core with the WCAG 2.1 A and AA rules: no violation allowed. `soft` records the failure and
 * lets the test go on (a sweep then reports every page at once); `label` names the page in the report;
 * `exclude` leaves out what is not the page's own markup (a sandboxed frame forbidding scripts, where
 * axe would wait forever).
 */
export async function expectNoAxeViolations(
  page: Page,
  { soft = false, label = '', exclude = [] }: { soft?: boolean; label?: string; exclude?: string[] } = {},
) {
  const builder = new AxeBuilder({ page }).withTags(AXE_WCAG21_AA_TAGS);
  for (const selector of exclude) builder.exclude(selector);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  (soft ? expect.soft : expect)(summary, `violations axe ${label}`.trim()).toEqual([]);
}

export interface FakeEmail {
  id: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
}

/** Waits for an e-mail to reach the fake Resend server (the app's worker delivers it). */
export async function waitForEmail(to: string, subjectIncludes: string, timeoutMs = 15_000): Promise<FakeEmail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${FAKE_RESEND_URL}/__fake/emails`);
    const emails = (await res.json()) as FakeEmail[];
    const found = emails.find((e) => e.to.includes(to) && e.subject.includes(subjectIncludes));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Aucun e-mail « ${subjectIncludes} » reçu pour ${to}`);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@exemple.test`;
}

let manifestCache: ServerReferenceManifest | undefined;
async function serverReferenceManifest(): Promise<ServerReferenceManifest> {
  const { readServerReferenceManifest } = await import('@/bench/server');
  manifestCache ??= readServerReferenceManifest(process.env.NEXT_DIST_DIR ?? '.next-test');
  return manifestCache;
}

/** The id of a server action and the page bundles that include it (e.g. `app/(auth)/connexion/page`). */
export async function serverActionRef(file: string, exportName: string): Promise<{ id: string; workers: string[] }> {
  const entry = Object.entries((await serverReferenceManifest()).node).find(([, a]) => a.filename === file && a.exportedName === exportName);
  if (!entry) throw new Error(`action ${file}#${exportName} introuvable dans le manifeste`);
  return { id: entry[0], workers: Object.keys(entry[1].workers) };
}

/**
 * The arguments as React's encodeReply writes them for a plain JSON-like value: a string that
 * starts with « $ » is escaped (« $$… »), and undefined, NaN, ±Infinity and -0 travel as their
 * tokens. (Unescaped, « $1 » is a reference to a missing chunk: React's decodeReply fails with
 * « Connection closed. » and Next answers 500 before the action runs — not the app's code.)
 */
export function encodeReplyArgs(value: unknown): unknown {
  if (value === undefined) return '$undefined';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '$NaN';
    if (value === Infinity) return '$Infinity';
    if (value === -Infinity) return '$-Infinity';
    if (Object.is(value, -0)) return '$-0';
    return value;
  }
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(encodeReplyArgs);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeReplyArgs(v)]));
  return value;
}

/**
 * Calls a server action directly over HTTP, as a forged client would: the action id comes from
 * the build's manifest, the cookies from the page's browser context (or any APIRequestContext).
 * `path` must be a page whose bundle includes the action (any page listed for it in the manifest).
 */
export async function callServerAction(page: { request: APIRequestContext }, file: string, exportName: string, args: unknown[], path: string) {
  const { id } = await serverActionRef(file, exportName);
  const response = await page.request.post(path, {
    headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify(encodeReplyArgs(args)),
    maxRedirects: 0,
  });
  return { status: response.status(), redirect: response.headers()['x-action-redirect'] ?? null, body: await response.text() };
}

/**
 * After a failed submit: focus is on the first field in error — a control marked aria-invalid, or a
 * radio/checkbox of a fieldset whose error message it is described by.
 */
export async function expectFocusOnFirstError(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return `focus sur ${el?.tagName ?? 'rien'}`;
        const invalid = [...document.querySelectorAll<HTMLElement>('[aria-invalid="true"], fieldset[aria-describedby*="error"]')];
        const first = invalid[0];
        if (!first) return 'aucun champ en erreur';
        return first === el || (first.tagName === 'FIELDSET' && first.contains(el)) ? 'ok' : `focus sur ${el.id || el.getAttribute('name')}, premier champ en erreur : ${first.id || first.getAttribute('name')}`;
      }),
    )
    .toBe('ok');
}

/** A text input by its exact accessible name (labels carry an aria-hidden « * »). */
export const box = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** A failure mode of the fake directory for this SIRET only (other specs run at the same time). */
export async function fakeDirectoryMode(mode: 'normal' | 'down' | 'rate-limit' | 'slow', q: string) {
  await fetch(`${FAKE_ENTREPRISES_URL}/__fake/mode`, { method: 'POST', body: JSON.stringify({ mode, q }), headers: { 'content-type': 'application/json' } });
}

/** Every query the fake directory received (all specs together). */
export async function fakeDirectoryRequests(): Promise<string[]> {
  return (await fetch(`${FAKE_ENTREPRISES_URL}/__fake/requests`)).json();
}

/** Registers in the fake directory a copy of its open CFA under a new checksum-valid SIRET and name. */
export async function newEntrepriseInDirectory(namePrefix: string): Promise<{ siret: string; nom: string }> {
  const { randomSiret } = await import('@/tests/factories');
  const catalog = (await (await fetch(`${FAKE_ENTREPRISES_URL}/__fake/entreprises`)).json()) as Record<string, unknown>[];
  const cfa = structuredClone(catalog.find((r) => JSON.stringify(r).includes('91357924900016'))!);
  const siret = randomSiret();
  const nom = `${namePrefix} ${siret.slice(-6)}`;
  const text = JSON.stringify(cfa).replaceAll('91357924900016', siret).replaceAll('913579249', siret.slice(0, 9)).replaceAll("CFA DES METIERS DE L'ESTUAIRE", nom);
  await fetch(`${FAKE_ENTREPRISES_URL}/__fake/entreprises`, { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
  return { siret, nom };
}

/**
 * « Répondre à cette candidature » as these staff members, one after the other, through the data
 * layer the staff action calls (lib/data/candidatures.ts answerCandidature, with the user the
 * guards would build). The staff inbox that bundles repondreCandidatureAction comes with « Mon
 * espace »: until a page uses it, Next leaves the action out of the build, so no HTTP client can
 * call it. The app's e-mail worker delivers what this writes to the outbox.
 */
export async function answerAs(answers: { email: string; numero: number; type: 'ENTRETIEN' | 'REFUS'; message: string }[]) {
  const script = `(async () => {
    const { db } = await import('@/lib/db');
    const { CURRENT_USER_SELECT } = await import('@/lib/auth/permissions');
    const { answerCandidature } = await import('@/lib/data/candidatures');
    const results = [];
    for (const a of JSON.parse(process.env.E2E_ANSWERS)) {
      const user = await db.user.findUniqueOrThrow({ where: { email: a.email }, select: CURRENT_USER_SELECT });
      try {
        await answerCandidature(user, a.numero, { type: a.type, message: a.message });
        results.push({ ok: true });
      } catch (error) {
        results.push({ ok: false, message: error.message, userFacing: error.name === 'UserFacingError' });
      }
    }
    console.log('E2E_RESULT' + JSON.stringify(results));
    await db.$disconnect();
    process.exit(0);
  })();`;
  const { stdout } = await promisify(execFile)('npx', ['tsx', '--conditions=react-server', '-e', script], {
    env: { ...process.env, E2E_ANSWERS: JSON.stringify(answers), APP_URL: base.info().project.use.baseURL ?? '' },
    timeout: 60_000,
  });
  return JSON.parse(stdout.slice(stdout.indexOf('E2E_RESULT') + 'E2E_RESULT'.length)) as { ok: boolean; message?: string; userFacing?: boolean }[];
}

