/**
 * Smoke test of a running instance: `/` answers 200 and a demo account signs in over HTTP
 * (Auth.js credentials flow: CSRF token, callback, session cookie) and reaches its home page.
 * Usage: npx tsx scripts/smoke-login.ts http://127.0.0.1:3000
 */
const base = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, ...value] = pair!.split('=');
    jar.set(name!.trim(), value.join('='));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

const home = await fetch(`${base}/`);
if (home.status !== 200) throw new Error(`GET / → ${home.status}`);

const jar = new Map<string, string>();
const csrfRes = await fetch(`${base}/api/auth/csrf`);
cookiesOf(csrfRes, jar);
const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };

const login = await fetch(`${base}/api/auth/callback/credentials`, {
  method: 'POST',
  redirect: 'manual',
  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
  body: new URLSearchParams({ email: 'gestionnaire@cfa-batiment-gironde.test', password: 'Alternance2026!', csrfToken, callbackUrl: `${base}/mon-espace` }),
});
cookiesOf(login, jar);
if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`connexion refusée (HTTP ${login.status})`);

const page = await fetch(`${base}/mon-espace`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
const html = await page.text();
if (page.status !== 200 || !html.includes('Tableau de bord') || !html.includes('CFA du Bâtiment de la Gironde')) {
  throw new Error(`GET /mon-espace → ${page.status}, tableau de bord absent`);
}
console.log('smoke: / → 200, connexion de démonstration → « Tableau de bord » de CFA du Bâtiment de la Gironde : OK');
export {};
