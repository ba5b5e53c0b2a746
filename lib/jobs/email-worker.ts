import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Resend, type ErrorResponse } from 'resend';
import { serverEnv } from '@/lib/env';
import type { DbClient } from '@/lib/prisma-client';

/**
 * Delivers the e-mails written to the EmailOutbox table (see lib/email/send.ts).
 *
 * - Rows are claimed with a single UPDATE … FOR UPDATE SKIP LOCKED, so several app instances
 *   can run the worker at the same time without sending an e-mail twice.
 * - The claim is the `lockedUntil` value written by the claim; a row is marked ENVOYE only if it
 *   still carries that value (a later claim by another worker always writes a larger one).
 * - Resend receives the row's idempotencyKey as the Idempotency-Key header: if a send is retried
 *   after a timeout or a lost claim, Resend does not deliver it a second time.
 * - Without RESEND_API_KEY (development), nothing is sent: rows stay EN_ATTENTE, readable in the
 *   outbox, and one line per message is logged.
 */

export type EmailWorkerDb = Pick<DbClient, 'emailOutbox' | '$queryRaw'>;

export interface DeliverOptions {
  /** Clock used for the claim, the backoff and sentAt (tests move it forward). Default: now. */
  now?: Date;
  /** Maximum number of e-mails handled in one pass. Default 20. */
  limit?: number;
  /** Name of this worker in the logs. Default: host:pid:random. */
  workerId?: string;
  /** Overrides RESEND_API_KEY; `null` or '' forces the development mode (nothing sent). */
  apiKey?: string | null;
  /** Overrides RESEND_BASE_URL (e.g. the fake server of the tests). */
  baseUrl?: string;
  /** Overrides EMAIL_FROM. */
  from?: string;
  /** Timeout of one call to Resend, in ms (a hung request is abandoned, then retried with the same key). Default EMAIL_SEND_TIMEOUT_MS (15 000). */
  timeoutMs?: number;
  /** How long a claim is held, in ms. Default: enough for `limit` calls that all time out. */
  lockMs?: number;
}

export interface DeliverResult {
  /** Accepted by Resend and marked ENVOYE. */
  sent: number;
  /** Marked ECHEC (permanent error, or too many attempts). */
  failed: number;
  /** Failed for now; will be retried after a backoff. */
  retried: number;
}

export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60 * 1000;
const DEFAULT_LIMIT = 20;
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RESEND_URL = 'https://api.resend.com';
const MAX_ERROR_LENGTH = 1000;

const DEFAULT_WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

// State kept on globalThis so that hot reloads in development neither start a second interval
// nor log the same pending e-mails again.
interface WorkerState {
  running: Promise<void> | null;
  again: boolean;
  stop: (() => Promise<void>) | null;
}
const globalState = globalThis as unknown as {
  __cmaEmailWorker?: {
    clients: Map<string, Resend>;
    devLogged: Set<string>;
    workers: WeakMap<object, WorkerState>;
  };
};
const shared = (globalState.__cmaEmailWorker ??= {
  clients: new Map(),
  devLogged: new Set(),
  workers: new WeakMap(),
});

/** One Resend client per (key, base URL), created on first use (its constructor throws without a key). */
function resendClient(apiKey: string, baseUrl: string): Resend {
  const cacheKey = `${apiKey}\u0000${baseUrl}`;
  let client = shared.clients.get(cacheKey);
  if (!client) {
    client = new Resend(apiKey, { baseUrl });
    shared.clients.set(cacheKey, client);
  }
  return client;
}

interface ResolvedConfig {
  apiKey: string | null;
  baseUrl: string;
  from: string;
  timeoutMs: number;
}

function resolveConfig(opts: DeliverOptions): ResolvedConfig {
  const needsEnv = opts.apiKey === undefined || opts.baseUrl === undefined || opts.from === undefined || opts.timeoutMs === undefined;
  const env = needsEnv ? serverEnv() : undefined;
  const apiKey = opts.apiKey !== undefined ? opts.apiKey || null : env?.RESEND_API_KEY || null;
  const baseUrl = (opts.baseUrl ?? env?.RESEND_BASE_URL ?? DEFAULT_RESEND_URL).replace(/\/+$/, '');
  const from = opts.from ?? env?.EMAIL_FROM ?? '';
  const timeoutMs = opts.timeoutMs ?? env?.EMAIL_SEND_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS;
  return { apiKey, baseUrl, from, timeoutMs };
}

/** Exponential backoff with jitter: 30 s · 2^(attempts−1), capped at 1 h, ±25 %. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * 400 / 422 are validation errors: sending the same request again cannot succeed.
 * 409 invalid_idempotent_request means the key was used for another payload: permanent too.
 * Everything else (network, timeout, 401/403 configuration, 409 concurrent, 429, 5xx) is retried.
 */
export function isPermanentError(error: Pick<ErrorResponse, 'statusCode' | 'name'>): boolean {
  if (error.statusCode === 400 || error.statusCode === 422) return true;
  if (error.statusCode === 409 && error.name === 'invalid_idempotent_request') return true;
  return false;
}

function describeError(error: Partial<ErrorResponse> | undefined): string {
  const status = error?.statusCode ?? 'réseau';
  const text = `${status} ${error?.name ?? 'erreur'} : ${error?.message ?? 'erreur inconnue'}`;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

interface ClaimedRow {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string;
  attempts: number;
}

/** Logs the pending e-mails once each (development mode: nothing is sent, nothing is claimed). */
async function logPendingInDevMode(db: EmailWorkerDb, limit: number): Promise<void> {
  const rows = await db.emailOutbox.findMany({
    where: { status: 'EN_ATTENTE' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.max(limit, 100),
    select: { id: true, to: true, subject: true },
  });
  for (const row of rows.reverse()) {
    if (shared.devLogged.has(row.id)) continue;
    shared.devLogged.add(row.id);
    console.info(`[email] (dev, non envoyé) à ${row.to} : ${row.subject}`);
  }
  // keep the memory bounded (a Set iterates in insertion order: drop the oldest)
  if (shared.devLogged.size > 10_000) {
    for (const id of shared.devLogged) {
      shared.devLogged.delete(id);
      if (shared.devLogged.size <= 5_000) break;
    }
  }
}

/** One delivery pass. Safe to run concurrently, in one process or several. */
export async function deliverPendingEmails(db: EmailWorkerDb, options: DeliverOptions = {}): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, failed: 0, retried: 0 };
  const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const config = resolveConfig(options);
  const timeoutMs = config.timeoutMs;
  const lockMs = options.lockMs ?? limit * timeoutMs + 60_000;
  const workerId = options.workerId ?? DEFAULT_WORKER_ID;

  if (!config.apiKey) {
    await logPendingInDevMode(db, limit);
    return result;
  }

  const now = options.now ?? new Date();
  // The claim token: a later claim (only possible once this one has expired) writes a larger value.
  const lockedUntil = new Date(now.getTime() + lockMs);
  const claimed = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "EmailOutbox"
    SET "lockedUntil" = ${lockedUntil}, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE "status" = 'EN_ATTENTE'
        AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "html", "text", "idempotencyKey", "attempts"`;
  if (claimed.length === 0) return result;

  const client = resendClient(config.apiKey, config.baseUrl);
  const startedAt = Date.now();
  // stop sending well before the claim expires, so that no other worker can take a row we are sending
  const budgetMs = Math.max(0, lockMs - timeoutMs - 5_000);

  for (let i = 0; i < claimed.length; i++) {
    const row = claimed[i]!;
    const stillClaimed = { id: row.id, status: 'EN_ATTENTE' as const, lockedUntil };

    if (Date.now() - startedAt > budgetMs) {
      const rest = claimed.slice(i).map((r) => r.id);
      await db.emailOutbox.updateMany({
        where: { id: { in: rest }, status: 'EN_ATTENTE', lockedUntil },
        data: { lockedUntil: null },
      });
      console.warn(`[email] ${workerId} : temps imparti dépassé, ${rest.length} e-mail(s) remis en file.`);
      break;
    }

    let error: Partial<ErrorResponse> | undefined;
    let providerId: string | undefined;
    try {
      const response = await client.emails.send(
        { from: config.from, to: row.to, subject: row.subject, html: row.html, text: row.text },
        { idempotencyKey: row.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (response.error) error = response.error;
      else if (!response.data?.id) error = { statusCode: null, name: 'application_error', message: 'Réponse de Resend sans identifiant' };
      else providerId = response.data.id;
    } catch (err) {
      error = { statusCode: null, name: 'application_error', message: err instanceof Error ? err.message : String(err) };
    }

    const at = options.now ?? new Date();
    if (providerId) {
      const { count } = await db.emailOutbox.updateMany({
        where: stillClaimed,
        data: { status: 'ENVOYE', providerId, sentAt: at, lockedUntil: null, lastError: null, attempts: { increment: 1 } },
      });
      if (count === 0) {
        console.warn(
          `[email] ${workerId} : e-mail ${row.id} accepté par Resend (${providerId}) mais réservé entre-temps par un autre worker ; l'Idempotency-Key empêche un doublon.`,
        );
      }
      result.sent++;
      continue;
    }

    const attempts = row.attempts + 1;
    const permanent = isPermanentError({ statusCode: error?.statusCode ?? null, name: error?.name ?? 'application_error' });
    const giveUp = permanent || attempts >= MAX_ATTEMPTS;
    const lastError = describeError(error);
    const { count } = await db.emailOutbox.updateMany({
      where: stillClaimed,
      data: giveUp
        ? { status: 'ECHEC', attempts: { increment: 1 }, lastError, lockedUntil: null }
        : {
            attempts: { increment: 1 },
            lastError,
            lockedUntil: null,
            nextAttemptAt: new Date(at.getTime() + backoffMs(attempts)),
          },
    });
    if (count === 0) continue; // claimed by someone else meanwhile: their outcome wins
    if (giveUp) {
      result.failed++;
      console.error(`[email] ${workerId} : échec définitif de l'e-mail ${row.id} après ${attempts} tentative(s) — ${lastError}`);
    } else {
      result.retried++;
      console.warn(`[email] ${workerId} : échec de l'e-mail ${row.id} (tentative ${attempts}/${MAX_ATTEMPTS}), nouvel essai prévu — ${lastError}`);
    }
  }
  return result;
}

function stateOf(db: EmailWorkerDb): WorkerState {
  let state = shared.workers.get(db);
  if (!state) {
    state = { running: null, again: false, stop: null };
    shared.workers.set(db, state);
  }
  return state;
}

/**
 * Runs passes until the outbox has nothing due (or a kick arrived meanwhile).
 * Never two at once for the same client in this process; never rejects.
 */
function runPasses(db: EmailWorkerDb, options: DeliverOptions): Promise<void> {
  const state = stateOf(db);
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const limit = options.limit ?? DEFAULT_LIMIT;
  state.running = (async () => {
    try {
      for (let round = 0; round < 50; round++) {
        state.again = false;
        const r = await deliverPendingEmails(db, options);
        const full = r.sent + r.failed + r.retried >= limit;
        if (!full && !state.again) break;
      }
    } catch (err) {
      console.error('[email] erreur du worker d\'envoi :', err);
    } finally {
      state.running = null;
    }
  })();
  return state.running;
}

/**
 * Delivers the due e-mails right away, in the background (errors are logged, never thrown).
 * Call it after the transaction that wrote the e-mail has committed. The returned promise
 * may be ignored (or awaited by scripts and tests).
 */
export function kickEmailWorker(db: EmailWorkerDb, options: DeliverOptions = {}): Promise<void> {
  return runPasses(db, options);
}

/**
 * Runs a delivery pass every `intervalMs` (EMAIL_WORKER_INTERVAL_MS by default; 0 disables it).
 * Passes never overlap; a second start for the same client returns the first one's stop function.
 * The stop function resolves once the pass in progress, if any, has finished.
 */
export function startEmailWorker(
  db: EmailWorkerDb,
  intervalMs: number = serverEnv().EMAIL_WORKER_INTERVAL_MS,
  options: DeliverOptions = {},
): () => Promise<void> {
  const state = stateOf(db);
  if (state.stop) return state.stop;
  if (!(intervalMs > 0)) return async () => {};

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    await runPasses(db, options);
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 0);

  const stop = async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (state.stop === stop) state.stop = null;
    await state.running;
  };
  state.stop = stop;
  return stop;
}
