/**
 * A local stand-in for the API « Recherche d'entreprises » (https://recherche-entreprises.api.gouv.fr),
 * for tests and e2e.
 *
 * Speaks `GET /search?q=…` with the real answer's shape (`results`, `total_results`, `page`,
 * `per_page`, `total_pages`), built from the FICTIONAL results of
 * tests/fixtures/recherche-entreprises/entreprises-fictives.json (plus those added at run time):
 *   - q = a SIRET (14 digits): the unité légale holding it, `matching_etablissements` narrowed to it;
 *   - q = a SIREN (9 digits): the unité légale, with all its establishments;
 *   - other q (≥ 3 characters): the unités légales whose `nom_complet` contains it;
 *   - nothing matches: 200 `{ results: [], total_results: 0, page: 1, per_page: 10, total_pages: 0 }`.
 * Errors use the API's body `{ "erreur": "…" }`.
 *
 * Modes: 'normal' · 'rate-limit' (429) · 'error' (500) · 'slow' (answers after 5 s) · 'down' (destroys the socket).
 *
 * In-process:   const fake = await startFakeRechercheEntreprises(); … fake.requests() … await fake.stop();
 * Standalone:   npx tsx tests/fakes/recherche-entreprises-server.ts --port 4020
 *               (then RECHERCHE_ENTREPRISES_URL=http://127.0.0.1:4020)
 * Over HTTP (other processes, e.g. Playwright):
 *               POST /__fake/mode {"mode":"rate-limit"[, "q": "<siret>" for that query only]} · GET /__fake/mode
 *               GET /__fake/requests · DELETE /__fake/requests
 *               POST /__fake/entreprises <a result object> · DELETE /__fake/entreprises (back to the fixtures)
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type FakeMode = 'normal' | 'rate-limit' | 'error' | 'slow' | 'down';
export const FAKE_MODES: readonly FakeMode[] = ['normal', 'rate-limit', 'error', 'slow', 'down'];

/** How long the 'slow' mode waits before answering (the client gives up after 3 s). */
export const SLOW_DELAY_MS = 5000;

export const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/recherche-entreprises/entreprises-fictives.json', import.meta.url));

/** One unité légale, in the API's result format (fields not renamed). */
export type FakeResult = Record<string, unknown> & {
  siren: string;
  nom_complet?: string | null;
  siege?: (Record<string, unknown> & { siret?: string | null }) | null;
  matching_etablissements?: (Record<string, unknown> & { siret?: string | null })[] | null;
};

export type FakeSearchResponse = {
  results: FakeResult[];
  total_results: number;
  page: number;
  per_page: number;
  total_pages: number;
};

export interface FakeRechercheEntreprises {
  /** Base URL, to use as RECHERCHE_ENTREPRISES_URL (no trailing slash). */
  url: string;
  port: number;
  /** The `q` of every GET /search received, in order, whatever the mode. */
  requests(): string[];
  clearRequests(): void;
  /** With `q`, only that query answers in this mode (others keep the global one). */
  setMode(mode: FakeMode, q?: string): void;
  mode(): FakeMode;
  /** Adds (or replaces, same SIREN) a result object in the API's format. */
  addEntreprise(result: FakeResult): void;
  /** Back to the fixture results only. */
  resetEntreprises(): void;
  stop(): Promise<void>;
}

export interface FakeRechercheEntreprisesOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Initial results; the fixture file's by default. */
  results?: FakeResult[];
}

function isFakeResult(v: unknown): v is FakeResult {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { siren?: unknown }).siren === 'string';
}

/** The fictional results of the fixture file (a fresh copy). */
export function loadFixtureResults(): FakeResult[] {
  const parsed = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as { results?: unknown };
  if (!Array.isArray(parsed.results) || !parsed.results.every(isFakeResult)) {
    throw new Error(`${FIXTURE_PATH} : « results » attendu (tableau de résultats de l'API).`);
  }
  return parsed.results;
}

const PER_PAGE = 10;

function page(results: FakeResult[]): FakeSearchResponse {
  return {
    results: results.slice(0, PER_PAGE),
    total_results: results.length,
    page: 1,
    per_page: PER_PAGE,
    total_pages: Math.ceil(results.length / PER_PAGE),
  };
}

/** What the API answers to `/search?q=<q>` over these results (pure; also used by the parsing tests). */
export function buildSearchResponse(catalog: readonly FakeResult[], q: string): FakeSearchResponse {
  const clone = (r: FakeResult) => structuredClone(r);
  const digits = q.replace(/[\s.\u00a0\u202f]/g, '');

  if (/^\d{14}$/.test(digits)) {
    const hits: FakeResult[] = [];
    for (const r of catalog) {
      const matching = (r.matching_etablissements ?? []).filter((e) => e.siret === digits);
      if (matching.length === 0 && r.siege?.siret !== digits) continue;
      // the API lists the matched establishment; a siège absent from the list is still the siège
      hits.push({ ...clone(r), matching_etablissements: matching.length > 0 ? structuredClone(matching) : [] });
    }
    return page(hits);
  }
  if (/^\d{9}$/.test(digits)) return page(catalog.filter((r) => r.siren === digits).map(clone));

  const needle = q.trim().toLowerCase();
  return page(catalog.filter((r) => typeof r.nom_complet === 'string' && r.nom_complet.toLowerCase().includes(needle)).map(clone));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    ...headers,
  });
  res.end(payload);
}

function sendError(res: ServerResponse, status: number, erreur: string, headers?: Record<string, string>): void {
  sendJson(res, status, { erreur }, headers);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeRechercheEntreprises(options: FakeRechercheEntreprisesOptions = {}): Promise<FakeRechercheEntreprises> {
  const initial = () => (options.results ?? loadFixtureResults()).map((r) => structuredClone(r));
  let catalog: FakeResult[] = initial();
  const received: string[] = [];
  let mode: FakeMode = 'normal';
  /** Failure modes for one query only: tests running in parallel do not disturb each other. */
  const modeByQuery = new Map<string, FakeMode>();
  const timers = new Set<NodeJS.Timeout>();

  const globalMode = () => mode;
  const setMode = (next: FakeMode, q?: string) => {
    if (!FAKE_MODES.includes(next)) throw new Error(`Mode inconnu : ${String(next)} (attendu : ${FAKE_MODES.join(', ')})`);
    if (q) modeByQuery.set(q, next);
    else mode = next;
  };
  const addEntreprise = (result: FakeResult) => {
    if (!isFakeResult(result)) throw new Error('Un résultat de l\'API est attendu (objet avec « siren »).');
    catalog = [...catalog.filter((r) => r.siren !== result.siren), structuredClone(result)];
  };

  const handleSearch = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const q = url.searchParams.get('q');
    received.push(q ?? '');
    const mode = (q !== null && modeByQuery.get(q)) || globalMode();

    if (mode === 'down') {
      req.socket.destroy();
      return;
    }
    if (mode === 'rate-limit') {
      return sendError(res, 429, 'Vous avez atteint la limite de 7 requêtes par seconde. (fake)', { 'retry-after': '1' });
    }
    if (mode === 'error') return sendError(res, 500, 'Internal Server Error (fake)');

    const answer = () => {
      if (q === null || q.trim().length < 3) {
        return sendError(res, 400, 'Veuillez indiquer au moins 3 caractères dans le paramètre « q » ou un filtre. (fake)');
      }
      sendJson(res, 200, buildSearchResponse(catalog, q));
    };
    if (mode === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, SLOW_DELAY_MS);
      timers.add(timer);
      return;
    }
    answer();
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const run = async () => {
      if (path === '/search') {
        if (req.method !== 'GET') return sendError(res, 405, 'Method Not Allowed');
        return handleSearch(req, res, url);
      }
      if (path === '/__fake/requests') {
        if (req.method === 'GET') return sendJson(res, 200, [...received]);
        if (req.method === 'DELETE') {
          received.length = 0;
          res.writeHead(204).end();
          return;
        }
        return sendError(res, 405, 'Method Not Allowed');
      }
      if (path === '/__fake/mode') {
        if (req.method === 'GET') return sendJson(res, 200, { mode });
        if (req.method === 'POST') {
          try {
            const parsed = JSON.parse(await readBody(req)) as { mode?: unknown; q?: unknown };
            setMode(parsed.mode as FakeMode, typeof parsed.q === 'string' ? parsed.q : undefined);
          } catch (err) {
            return sendError(res, 400, `Attendu : {"mode": ${FAKE_MODES.join(' | ')}} — ${(err as Error).message}`);
          }
          return sendJson(res, 200, { mode });
        }
        return sendError(res, 405, 'Method Not Allowed');
      }
      if (path === '/__fake/entreprises') {
        if (req.method === 'GET') return sendJson(res, 200, catalog);
        if (req.method === 'POST') {
          try {
            const parsed: unknown = JSON.parse(await readBody(req));
            addEntreprise(parsed as FakeResult);
            return sendJson(res, 201, { siren: (parsed as FakeResult).siren });
          } catch (err) {
            return sendError(res, 400, (err as Error).message);
          }
        }
        if (req.method === 'DELETE') {
          catalog = initial();
          res.writeHead(204).end();
          return;
        }
        return sendError(res, 405, 'Method Not Allowed');
      }
      return sendError(res, 404, 'Not Found');
    };
    run().catch((err: unknown) => sendError(res, 500, (err as Error).message));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url,
    port: address.port,
    requests: () => [...received],
    clearRequests: () => {
      received.length = 0;
    },
    setMode,
    mode: () => mode,
    addEntreprise,
    resetEntreprises: () => {
      catalog = initial();
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// ── standalone: npx tsx tests/fakes/recherche-entreprises-server.ts --port 4020 [--host 127.0.0.1] [--mode slow]
function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i !== -1) return process.argv[i + 1];
  const inline = process.argv.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const port = Number(argValue('--port') ?? process.env.PORT ?? 4020);
  const fake = await startFakeRechercheEntreprises({ port, host: argValue('--host') });
  const initialMode = argValue('--mode');
  if (initialMode) fake.setMode(initialMode as FakeMode);
  console.log(`fake recherche-entreprises listening on ${fake.url}`);
  const shutdown = () => {
    fake.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
