import type { APIRequestContext, APIResponse } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { callServerAction, expect, test } from './fixtures';
import { actionOutcome, anonymousContext, copyContext, createWorld, discoverInventory, fingerprint, PERSONAS, redirectOutcome, signInPersonas, type PersonaName, type World } from './matrice/monde';
import { TABLE, TINY_PDF, type ActionEntry, type Entry } from './matrice/table';

/**
 * The authorization matrix (issue 9): every page, route handler and server action of the app,
 * discovered from the code, × eight personas, each cell called over HTTP against the running
 * app — pages and routes with each persona's cookies, server actions directly with forged but
 * well-formed arguments aimed at the owner's data (structure A, the first candidate). A refused
 * call must leave every row of the world as it was. The table is tests/e2e/matrice/table.ts.
 */
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 3 });
let world: World;
let personas: Record<PersonaName, APIRequestContext>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  world = await createWorld(db);
  personas = await signInPersonas(db, testInfo.project.use.baseURL!, world);
});
test.afterAll(async () => {
  await Promise.all(Object.values(personas ?? {}).map((c) => c.dispose()));
  await db.$disconnect();
});

/** At most `limit` promises in flight. */
async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
  }));
}

const REFUSALS = /^(→\/connexion|→\/\?erreur=.*|401|403|404|introuvable|refus)$/;
const isRefusal = (expected: string) => REFUSALS.test(expected);

/**
 * The persona's cookie jar. The signed-out visitor gets a fresh one for each call: Auth.js
 * answers his forged cookie by deleting it, and he must keep carrying it past proxy.ts.
 */
async function withPersona<T>(persona: PersonaName, run: (ctx: APIRequestContext) => Promise<T>, copy = false): Promise<T> {
  const baseURL = test.info().project.use.baseURL!;
  if (persona !== 'anonyme' && !copy) return run(personas[persona]);
  const ctx = persona === 'anonyme' ? await anonymousContext(baseURL) : await copyContext(baseURL, personas[persona]);
  try {
    return await run(ctx);
  } finally {
    await ctx.dispose();
  }
}

async function httpOutcome(persona: PersonaName, entry: Entry, w: World): Promise<string> {
  if (entry.kind === 'action') throw new Error('not a page');
  const url = entry.url(w);
  // a POST may end or change the session: sent from a copy of the persona's cookie jar
  const post = (TABLE_KEY_OF.get(entry) ?? '').startsWith('POST ');
  return withPersona(
    persona,
    async (ctx) =>
      outcomeOf(post ? await ctx.post(url, { ...(entry.kind === 'route' && entry.multipart ? { multipart: entry.multipart() } : {}), maxRedirects: 0 }) : await ctx.get(url, { maxRedirects: 0 })),
    post,
  );
}

function outcomeOf(response: APIResponse): string {
  const status = response.status();
  if (status >= 300 && status < 400) return redirectOutcome(response.headers().location ?? '');
  return status === 200 ? 'ok' : String(status);
}
const TABLE_KEY_OF = new Map<Entry, string>(Object.entries(TABLE).map(([k, e]) => [e, k]));

async function actionCall(persona: PersonaName, key: string, entry: ActionEntry, w: World) {
  const [file, exportName] = key.replace(/^ACTION /, '').split('#') as [string, string];
  return withPersona(
    persona,
    async (ctx) => {
      const result = await callServerAction({ request: ctx }, file, exportName, entry.args(w, persona), entry.via(w));
      return { outcome: actionOutcome(result), body: result.body };
    },
    entry.isolated,
  );
}

function report(rows: { key: string; persona: string; expected: string; actual: string; detail?: string }[]) {
  return rows.map((r) => `${r.key} × ${r.persona}: attendu ${r.expected}, obtenu ${r.actual}${r.detail ? ` (${r.detail})` : ''}`);
}

test('l’inventaire découvert dans le code et la table de la matrice coïncident', () => {
  const inventory = discoverInventory();
  const table = Object.keys(TABLE).sort();
  expect(inventory.length).toBeGreaterThan(100);
  expect(inventory.filter((k) => !table.includes(k)), 'dans le code mais absent de la matrice').toEqual([]);
  expect(table.filter((k) => !inventory.includes(k)), 'dans la matrice mais plus dans le code').toEqual([]);
});

test('pages et routes : chaque persona obtient ce que la table prévoit', async () => {
  test.setTimeout(180_000);
  const entries = Object.entries(TABLE).filter(([, e]) => e.kind !== 'action');
  const cells = entries.flatMap(([key, entry]) => PERSONAS.map((persona) => ({ key, entry, persona })));
  const mismatches: Parameters<typeof report>[0] = [];
  await pool(cells, 8, async ({ key, entry, persona }) => {
    // a connection reset by the loaded machine (not an answer of the app) is tried once more
    const actual = await httpOutcome(persona, entry, world).catch((e: Error) => {
      if (!/ECONNRESET|socket hang up/.test(e.message)) throw e;
      return httpOutcome(persona, entry, world);
    });
    if (actual !== entry.expected[persona]) mismatches.push({ key, persona, expected: entry.expected[persona], actual });
  });
  console.log(`matrice pages/routes : ${cells.length} cellules (${entries.length} entrées × ${PERSONAS.length} personas)`);
  expect(report(mismatches).sort()).toEqual([]);
});

test('actions serveur appelées directement : refus sans aucun changement, puis accès du propriétaire', async () => {
  test.setTimeout(240_000);
  const entries = Object.entries(TABLE).filter((e): e is [string, ActionEntry] => e[1].kind === 'action');
  // both candidates have a CV to delete (« Supprimer mon CV »)
  for (const persona of ['candidat', 'autreCandidat'] as const) {
    const upload = await personas[persona].post('/api/cv', { multipart: { fichier: { name: 'cv.pdf', mimeType: 'application/pdf', buffer: TINY_PDF } } });
    expect(upload.status(), `CV de ${persona}`).toBe(200);
  }
  const mismatches: Parameters<typeof report>[0] = [];
  let cells = 0;
  // 1. every refused persona, action by action, all at once; nothing of the world may change
  for (const [key, entry] of entries) {
    const refused = PERSONAS.filter((p) => isRefusal(entry.expected[p]));
    const before = await fingerprint(db, world);
    await Promise.all(
      refused.map(async (persona) => {
        const { outcome, body } = await actionCall(persona, key, entry, world);
        cells++;
        if (outcome !== entry.expected[persona]) mismatches.push({ key, persona, expected: entry.expected[persona], actual: outcome, detail: body.slice(0, 200) });
      }),
    );
    const after = await fingerprint(db, world);
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
    if (changed.length > 0) mismatches.push({ key, persona: refused.join(','), expected: 'aucun changement', actual: `modifié : ${changed.join(', ')}` });
  }
  // 2. the allowed cells, one after the other; those that change who the persona is come last
  const allowed = entries.flatMap(([key, entry]) => PERSONAS.filter((p) => !isRefusal(entry.expected[p])).map((persona) => ({ key, entry, persona })));
  allowed.sort((a, b) => Number(a.entry.last ?? false) - Number(b.entry.last ?? false));
  for (const { key, entry, persona } of allowed) {
    const { outcome, body } = await actionCall(persona, key, entry, world);
    cells++;
    if (outcome !== entry.expected[persona]) mismatches.push({ key, persona, expected: entry.expected[persona], actual: outcome, detail: body.slice(0, 200) });
  }
  console.log(`matrice actions : ${cells} cellules (${entries.length} actions × ${PERSONAS.length} personas)`);
  expect(report(mismatches)).toEqual([]);
});

test('un numéro séquentiel d’une autre structure répond 404 : sondage des numéros voisins', async () => {
  // the other structure's gestionnaire probes the owner's offer and application numbers and their neighbours
  const probes = [world.offre.numero, world.offreStatut.numero, world.offrePostuler.numero, world.candidature.numero];
  const urls = [
    ...probes.slice(0, 3).flatMap((n) => [`/mes-offres/${n}`, `/mes-offres/${n}/modifier`]),
    `/mon-espace/candidatures/${world.candidature.numero}`,
    `/api/candidatures/${world.candidature.numero}/cv`,
  ];
  const statuses = await Promise.all(urls.map(async (u) => `${u} ${(await personas.autreGestionnaire.get(u, { maxRedirects: 0 })).status()}`));
  expect(statuses).toEqual(urls.map((u) => `${u} 404`));
  const own = await personas.autreGestionnaire.get(`/mes-offres/${world.offreB.numero}`, { maxRedirects: 0 });
  expect(own.status(), 'sa propre offre').toBe(200);
  // the other candidate: the owner's application number
  expect((await personas.autreCandidat.get(`/candidat/candidatures/${world.candidature.numero}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await personas.candidat.get(`/candidat/candidatures/${world.candidatureB.numero}`, { maxRedirects: 0 })).status()).toBe(404);
});
