/**
 * A local stand-in for the Resend API (https://resend.com/docs/api-reference), for tests and e2e.
 *
 * Speaks what the app uses: `POST /emails` with `Authorization: Bearer <key>`, a JSON body and an
 * optional `Idempotency-Key` header; answers `{ "id": "<uuid>" }` or Resend's error shape
 * `{ "statusCode", "name", "message" }`.
 *
 * In-process:   const fake = await startFakeResend(); … fake.emails() … await fake.stop();
 * Standalone:   npx tsx tests/fakes/resend-server.ts --port 4010
 *               (then RESEND_BASE_URL=http://127.0.0.1:4010 RESEND_API_KEY=re_test_…)
 * Over HTTP (other processes, e.g. Playwright):
 *               GET /__fake/emails · DELETE /__fake/emails · POST /__fake/mode {"mode":"fail-500"}
 *               POST /__fake/faults {"failRatio":0.5,"hangRatio":0.1,"hangMs":120000} (or null to heal)
 *
 * Idempotency, as Resend documents it: a request with an `Idempotency-Key` already used in the
 * last 24 hours with the same payload answers the first id and delivers nothing; with another
 * payload, 409 invalid_idempotent_request. After 24 hours (the fake's clock, `options.clock`) the
 * key is forgotten.
 *
 * Faults (`setFaults`): each POST /emails draws a number from a seeded generator: below
 * `failRatio` it answers `failStatus` (500 or 429) and delivers nothing; within the next
 * `hangRatio` it DELIVERS the e-mail (recorded, key remembered) and only answers after `hangMs` —
 * the worst case for a client: the message went out but the client timed out and will retry.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export type FailureMode =
  /** Normal behaviour. */
  | 'none'
  /** Every POST /emails answers 500. */
  | 'fail-500'
  /** Every other POST /emails answers 500 (the 1st, 3rd, 5th… of this mode). */
  | 'fail-every-other'
  /** Every POST /emails answers 422 validation_error (a permanent error). */
  | 'fail-422'
  /** Every POST /emails answers 429 rate_limit_exceeded. */
  | 'fail-429'
  /** POST /emails never answers (the client has to time out). */
  | 'timeout';

export const FAILURE_MODES: readonly FailureMode[] = ['none', 'fail-500', 'fail-every-other', 'fail-422', 'fail-429', 'timeout'];

export interface RecordedEmail {
  /** The id returned to the client. */
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  idempotencyKey: string | null;
  /** ISO date. */
  receivedAt: string;
  /** Request headers, lower-cased (authorization, idempotency-key, user-agent…). */
  headers: Record<string, string>;
  /** The JSON body as received. */
  body: Record<string, unknown>;
}

export interface FakeFaults {
  /** Share of requests answered with `failStatus` (nothing delivered). 0 … 1. */
  failRatio?: number;
  /** 500 (default) or 429. */
  failStatus?: 500 | 429;
  /** Share of requests delivered but answered only after `hangMs`. 0 … 1. */
  hangRatio?: number;
  /** How long a hung request waits before answering, in ms (default 120 000: two minutes). */
  hangMs?: number;
  /** Seed of the generator (same seed, same sequence of faults). Default 1. */
  seed?: number;
}

export interface FakeStats {
  /** POST /emails received. */
  requests: number;
  /** Answered with a fault status (500/429) by the fault mode. */
  failed: number;
  /** Delivered, then answered late (or never, if the client gave up). */
  hung: number;
  /** Answered from the idempotency store: the id of an earlier delivery, nothing delivered again. */
  replays: number;
}

export interface FakeResend {
  /** Base URL, to use as RESEND_BASE_URL (no trailing slash). */
  url: string;
  port: number;
  /** Every accepted e-mail, in order (an idempotent replay is not recorded twice). */
  emails(): RecordedEmail[];
  /** Number of POST /emails received, failed or not. */
  requestCount(): number;
  /** Forgets the recorded e-mails, the idempotency keys and the request count. */
  clear(): void;
  setFailureMode(mode: FailureMode): void;
  /** Turns the random fault mode on (or off with null); resets the generator to its seed. */
  setFaults(faults: FakeFaults | null): void;
  stats(): FakeStats;
  stop(): Promise<void>;
}

/** Idempotency keys are remembered this long, as Resend does. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** mulberry32: a small seeded generator, so that a fault scenario can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FakeResendOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** When set, only this API key is accepted (403 invalid_api_key otherwise); any key by default. */
  apiKey?: string;
  /** The fake's clock, for the 24-hour idempotency window (tests move it). Default Date.now. */
  clock?: () => number;
}

type ErrorName =
  | 'missing_api_key'
  | 'invalid_api_key'
  | 'validation_error'
  | 'missing_required_field'
  | 'invalid_idempotency_key'
  | 'invalid_idempotent_request'
  | 'rate_limit_exceeded'
  | 'not_found'
  | 'method_not_allowed'
  | 'internal_server_error';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

function sendError(res: ServerResponse, statusCode: number, name: ErrorName, message: string): void {
  sendJson(res, statusCode, { statusCode, name, message });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  if (v === undefined) return null;
  return Array.isArray(v) ? v.join(', ') : v;
}

function asStringList(v: unknown): string[] | null {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return null;
}

const ADDRESS_RE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
function isAddress(v: string): boolean {
  const m = /^\s*(?:[^<]*<([^>]+)>|(.+))\s*$/.exec(v);
  const addr = (m?.[1] ?? m?.[2] ?? '').trim();
  return ADDRESS_RE.test(addr);
}

export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  const recorded: RecordedEmail[] = [];
  /** Idempotency-Key → id, hash of the body it was first used with, and when. */
  const idempotency = new Map<string, { id: string; bodyHash: string; at: number }>();
  const clock = options.clock ?? Date.now;
  let mode: FailureMode = 'none';
  let modeCounter = 0;
  let requests = 0;
  let faults: Required<FakeFaults> | null = null;
  let random = seededRandom(1);
  const stats = { failed: 0, hung: 0, replays: 0 };
  const hangTimers = new Set<ReturnType<typeof setTimeout>>();

  const handleEmails = async (req: IncomingMessage, res: ServerResponse) => {
    requests++;
    const raw = await readBody(req);

    let hangMs = 0;
    if (faults) {
      const r = random();
      if (r < faults.failRatio) {
        stats.failed++;
        if (faults.failStatus === 429) {
          res.setHeader('retry-after', '1');
          return sendError(res, 429, 'rate_limit_exceeded', 'Too many requests. You can only make 2 requests per second. (fake)');
        }
        return sendError(res, 500, 'internal_server_error', 'An unexpected error occurred. (fake)');
      }
      if (r < faults.failRatio + faults.hangRatio) {
        stats.hung++;
        hangMs = faults.hangMs;
      }
    }
    // a hung request is processed now (delivered) and answered late
    const reply = (status: number, body: unknown) => {
      if (hangMs <= 0) return sendJson(res, status, body);
      const timer = setTimeout(() => {
        hangTimers.delete(timer);
        if (!res.destroyed) sendJson(res, status, body);
      }, hangMs);
      hangTimers.add(timer);
    };

    if (mode === 'timeout') return; // never answer; the socket is closed by stop()
    if (mode === 'fail-500' || (mode === 'fail-every-other' && modeCounter++ % 2 === 0)) {
      return sendError(res, 500, 'internal_server_error', 'An unexpected error occurred. (fake)');
    }
    if (mode === 'fail-429') {
      res.setHeader('retry-after', '1');
      return sendError(res, 429, 'rate_limit_exceeded', 'Too many requests. You can only make 2 requests per second. (fake)');
    }

    const auth = headerValue(req, 'authorization');
    const match = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
    if (!match) {
      return sendError(
        res,
        401,
        'missing_api_key',
        'Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY',
      );
    }
    if (options.apiKey !== undefined && match[1] !== options.apiKey) {
      return sendError(res, 403, 'invalid_api_key', 'API key is invalid');
    }

    if (mode === 'fail-422') {
      return sendError(res, 422, 'validation_error', 'Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format. (fake)');
    }

    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return sendError(res, 400, 'validation_error', 'Invalid JSON body.');
    }

    for (const field of ['from', 'to', 'subject'] as const) {
      if (body[field] === undefined || body[field] === null || body[field] === '') {
        return sendError(res, 422, 'missing_required_field', `Missing \`${field}\` field.`);
      }
    }
    const to = asStringList(body.to);
    if (!to || to.length === 0 || !to.every(isAddress)) {
      return sendError(res, 422, 'validation_error', 'Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.');
    }
    if (typeof body.from !== 'string' || !isAddress(body.from)) {
      return sendError(res, 422, 'validation_error', 'Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.');
    }
    if (typeof body.subject !== 'string') {
      return sendError(res, 422, 'validation_error', 'Invalid `subject` field.');
    }
    if (typeof body.html !== 'string' && typeof body.text !== 'string') {
      return sendError(res, 422, 'validation_error', 'Missing `html` or `text` field.');
    }

    const idempotencyKey = headerValue(req, 'idempotency-key');
    const bodyHash = createHash('sha256').update(raw).digest('hex');
    if (idempotencyKey !== null) {
      if (idempotencyKey.length < 1 || idempotencyKey.length > 256) {
        return sendError(res, 400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.');
      }
      const previous = idempotency.get(idempotencyKey);
      if (previous && clock() - previous.at >= IDEMPOTENCY_TTL_MS) idempotency.delete(idempotencyKey);
      else if (previous) {
        if (previous.bodyHash !== bodyHash) {
          return sendError(res, 409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload. Change your idempotency key or payload.');
        }
        stats.replays++;
        return reply(200, { id: previous.id });
      }
    }

    const id = randomUUID();
    if (idempotencyKey !== null) idempotency.set(idempotencyKey, { id, bodyHash, at: clock() });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    recorded.push({
      id,
      from: body.from,
      to,
      subject: body.subject,
      html: typeof body.html === 'string' ? body.html : null,
      text: typeof body.text === 'string' ? body.text : null,
      idempotencyKey,
      receivedAt: new Date().toISOString(),
      headers,
      body,
    });
    return reply(200, { id });
  };

  const clear = () => {
    recorded.length = 0;
    idempotency.clear();
    requests = 0;
    Object.assign(stats, { failed: 0, hung: 0, replays: 0 });
  };
  const setFaults = (next: FakeFaults | null) => {
    if (next) {
      for (const k of ['failRatio', 'hangRatio'] as const) {
        const v = next[k] ?? 0;
        if (!(v >= 0 && v <= 1)) throw new Error(`${k} must be between 0 and 1`);
      }
      if ((next.failRatio ?? 0) + (next.hangRatio ?? 0) > 1) throw new Error('failRatio + hangRatio must not exceed 1');
      if (next.failStatus !== undefined && next.failStatus !== 500 && next.failStatus !== 429) throw new Error('failStatus must be 500 or 429');
    }
    faults = next
      ? { failRatio: next.failRatio ?? 0, failStatus: next.failStatus ?? 500, hangRatio: next.hangRatio ?? 0, hangMs: next.hangMs ?? 120_000, seed: next.seed ?? 1 }
      : null;
    random = seededRandom(faults?.seed ?? 1);
  };
  const setFailureMode = (next: FailureMode) => {
    if (!FAILURE_MODES.includes(next)) throw new Error(`Unknown failure mode: ${String(next)}`);
    mode = next;
    modeCounter = 0;
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname.replace(/\/+$/, '') || '/';
    const run = async () => {
      if (path === '/emails') {
        if (req.method !== 'POST') return sendError(res, 405, 'method_not_allowed', 'Method is not allowed for the requested path.');
        return handleEmails(req, res);
      }
      if (path === '/__fake/emails') {
        if (req.method === 'GET') {
          return sendJson(
            res,
            200,
            recorded.map(({ id, from, to, subject, html, text, idempotencyKey, receivedAt }) => ({ id, from, to, subject, html, text, idempotencyKey, receivedAt })),
          );
        }
        if (req.method === 'DELETE') {
          clear();
          res.writeHead(204).end();
          return;
        }
        return sendError(res, 405, 'method_not_allowed', 'Method is not allowed for the requested path.');
      }
      if (path === '/__fake/faults') {
        if (req.method === 'GET') return sendJson(res, 200, { faults, stats: { requests, ...stats } });
        if (req.method === 'POST') {
          try {
            setFaults(JSON.parse(await readBody(req)) as FakeFaults | null);
          } catch (err) {
            return sendError(res, 400, 'validation_error', `Expected {"failRatio", "failStatus", "hangRatio", "hangMs", "seed"} or null: ${(err as Error).message}`);
          }
          return sendJson(res, 200, { faults });
        }
        return sendError(res, 405, 'method_not_allowed', 'Method is not allowed for the requested path.');
      }
      if (path === '/__fake/mode') {
        if (req.method === 'GET') return sendJson(res, 200, { mode });
        if (req.method === 'POST') {
          try {
            const parsed = JSON.parse(await readBody(req)) as { mode?: unknown };
            setFailureMode(parsed.mode as FailureMode);
          } catch (err) {
            return sendError(res, 400, 'validation_error', `Expected {"mode": one of ${FAILURE_MODES.join(', ')}}: ${(err as Error).message}`);
          }
          return sendJson(res, 200, { mode });
        }
        return sendError(res, 405, 'method_not_allowed', 'Method is not allowed for the requested path.');
      }
      return sendError(res, 404, 'not_found', 'The requested endpoint does not exist.');
    };
    run().catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'internal_server_error', (err as Error).message);
    });
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
    emails: () => recorded.map((e) => ({ ...e, to: [...e.to], headers: { ...e.headers } })),
    requestCount: () => requests,
    clear,
    setFailureMode,
    setFaults,
    stats: () => ({ requests, ...stats }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of hangTimers) clearTimeout(timer);
        hangTimers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// ── standalone: npx tsx tests/fakes/resend-server.ts --port 4010 [--host 127.0.0.1] [--api-key re_…]
function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i !== -1) return process.argv[i + 1];
  const inline = process.argv.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const port = Number(argValue('--port') ?? process.env.PORT ?? 4010);
  const fake = await startFakeResend({ port, host: argValue('--host'), apiKey: argValue('--api-key') });
  console.log(`fake resend listening on ${fake.url}`);
  const shutdown = () => {
    fake.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
