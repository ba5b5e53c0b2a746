/**
 * The production server under measurement and its clients, shared by `npm run bench` and the
 * query-count test (tests/e2e/requetes-par-page.spec.ts): `next start` from a build folder, a real
 * sign-in through Auth.js (its session cookie), and the SQL a request issued (QUERY_LOG_FILE, see
 * lib/prisma-client.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';

export interface AppServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export const ROOT = path.resolve(import.meta.dirname, '..');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function startServer(opts: { dist: string; port: number; databaseUrl: string; queryLog?: string; env?: Record<string, string> }): Promise<AppServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  if (await portInUse(opts.port)) throw new Error(`Le port ${opts.port} est déjà occupé : arrêtez le processus qui l'écoute ou choisissez --port.`);
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(opts.port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: opts.dist,
      DATABASE_URL: opts.databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-00',
      APP_URL: url,
      // no e-mail leaves the machine: the worker is off and the provider address is a closed port
      RESEND_API_KEY: 're_bench_aucun_envoi',
      RESEND_BASE_URL: 'http://127.0.0.1:9',
      EMAIL_FROM: 'CMonAlternance <ne-pas-repondre@cmonalternance-na.fr>',
      // no background job: they would work on the data while it is measured (and change it)
      EMAIL_WORKER_INTERVAL_MS: '0',
      OFFRES_ARCHIVE_INTERVAL_MS: '0',
      RGPD_RETENTION_INTERVAL_MS: '0',
      RATE_LIMIT_SIGNIN_PER_IP: '100000',
      ...(opts.queryLog ? { QUERY_LOG_FILE: opts.queryLog } : { QUERY_LOG_FILE: '' }),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start s'est arrêté (code ${child.exitCode}) :\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start ne répond pas sur ${url} :\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in through Auth.js's own credentials endpoint and returns the Cookie header it set. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  keep(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  keep(res);
  const session = [...jar.keys()].find((k) => k.includes('session-token'));
  if (!session) throw new Error(`Connexion impossible pour ${email} (HTTP ${res.status})`);
  return `${session}=${jar.get(session)}`;
}

export interface LoggedQuery {
  at: number;
  query: string;
  params: string;
  duration: number;
}

/** The SQL statements issued while `fn` ran (the server must be the only client of its log). */
export async function queriesDuring(logFile: string, fn: () => Promise<unknown>): Promise<LoggedQuery[]> {
  writeFileSync(logFile, '');
  await fn();
  // the log is appended by the server process: give its last writes a moment
  let size = -1;
  for (let i = 0; i < 10 && statSync(logFile).size !== size; i++) {
    size = statSync(logFile).size;
    await new Promise((r) => setTimeout(r, 60));
  }
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LoggedQuery);
}

/** Statements that are not the page's own work: transaction control. */
export const isTransactionControl = (q: string) => /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET TRANSACTION)/i.test(q);

export type ServerReferenceManifest = { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };

/** A build's server actions: id → file, export and the page bundles that include it. */
export function readServerReferenceManifest(dist: string): ServerReferenceManifest {
  return JSON.parse(readFileSync(path.resolve(ROOT, dist, 'server/server-reference-manifest.json'), 'utf8')) as ServerReferenceManifest;
}

/** The server action's id in a build, as a browser finds it in the page's JavaScript. */
export function serverActionId(dist: string, file: string, exportName: string): string {
  const manifest = readServerReferenceManifest(dist);
  const id = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportName)?.[0];
  if (!id) throw new Error(`action ${file}#${exportName} introuvable dans le manifeste de ${dist}`);
  return id;
}
