import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_ATTEMPTS, deliverPendingEmails, type DeliverOptions } from '@/lib/jobs/email-worker';
import { startFakeResend, type FakeResend } from '@/tests/fakes/resend-server';
import { testDb } from '@/tests/helpers/db';

/**
 * E-mail delivery under faults (issue 9), against a real PostgreSQL and the fake Resend over HTTP:
 * every outbox row is delivered exactly once — none lost, none duplicated — when the provider
 * fails half of the requests and hangs others, and when a worker is killed in the middle of a send.
 *
 * Time mapping (so that the file runs in seconds): the worker's clock (`now`: claims, leases,
 * backoff) is virtual and advanced by the test; the storm lasts two minutes of that clock. A hung
 * request is abandoned by the worker at its `timeoutMs` (200 ms here, 15 s in production), so how
 * much longer the provider would have hung — 5 s here, « two minutes » in the issue — changes
 * nothing for the worker: it times out, backs off and retries with the same Idempotency-Key.
 */

const API_KEY = 're_test_pannes';
const FROM = 'CMonAlternance <ne-pas-repondre@cmonalternance-na.fr>';
const ROOT = path.resolve(import.meta.dirname, '../..');
const db = testDb();
let fake: FakeResend;
let opts: DeliverOptions;
const children: ChildProcess[] = [];

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY });
  opts = { apiKey: API_KEY, baseUrl: fake.url, from: FROM };
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake.stop();
  await db.emailOutbox.deleteMany();
  await db.$disconnect();
});
beforeEach(async () => {
  // as in email.test.ts: the worker takes any pending row, so the outbox starts empty
  await db.emailOutbox.deleteMany();
  fake.clear();
  fake.setFaults(null);
  // hundreds of expected « échec … nouvel essai prévu » lines would only slow the run down
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function enqueue(n: number) {
  const tag = randomUUID().slice(0, 8);
  await db.emailOutbox.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      to: `pannes-${tag}-${i}@exemple.fr`,
      subject: `Message ${i}`,
      html: `<p>Message ${i}</p>`,
      text: `Message ${i}`,
      template: 'test-pannes',
      idempotencyKey: randomUUID(),
    })),
  });
  return db.emailOutbox.findMany({ where: { template: 'test-pannes' }, orderBy: { to: 'asc' } });
}

/** Exactly one delivery per row, with the row's key, and the row knows the id the provider gave. */
async function expectExactlyOnce(rows: { id: string; idempotencyKey: string }[]) {
  const delivered = fake.emails();
  expect(delivered).toHaveLength(rows.length);
  const byKey = new Map(delivered.map((e) => [e.idempotencyKey, e]));
  expect(byKey.size).toBe(rows.length);
  const stored = await db.emailOutbox.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
  expect(stored.filter((r) => r.status !== 'ENVOYE')).toEqual([]);
  for (const row of stored) expect(row.providerId).toBe(byKey.get(row.idempotencyKey)?.id);
  return stored;
}

describe('a storm: half of the requests fail (500, then 429), some hang', () => {
  it('200 messages: after two minutes of faults, each is delivered exactly once, none lost', async () => {
    const rows = await enqueue(200);
    const T0 = Date.now() + 1000;
    const STORM_MS = 2 * 60_000;
    let t = T0;
    fake.setFaults({ failRatio: 0.5, failStatus: 500, hangRatio: 0.04, hangMs: 5_000, seed: 9 });
    let phase = '500';
    for (let pass = 0; pass < 100; pass++) {
      if (t >= T0 + STORM_MS / 2 && phase === '500') {
        fake.setFaults({ failRatio: 0.5, failStatus: 429, hangRatio: 0.04, hangMs: 5_000, seed: 10 });
        phase = '429';
      }
      if (t >= T0 + STORM_MS && phase === '429') {
        fake.setFaults(null);
        phase = 'healed';
      }
      // four workers at once (several app instances): SKIP LOCKED shares the rows out
      await Promise.all(
        [0, 1, 2, 3].map((w) => deliverPendingEmails(db, { ...opts, now: new Date(t), limit: 25, timeoutMs: 200, lockMs: 60_000, workerId: `storm-${w}` })),
      );
      if ((await db.emailOutbox.count({ where: { status: 'EN_ATTENTE' } })) === 0) break;
      // during the storm the clock moves 15 s a pass; afterwards 5 minutes (past any backoff of these few attempts)
      t += t < T0 + STORM_MS ? 15_000 : 5 * 60_000;
    }

    const stored = await expectExactlyOnce(rows);
    const stats = fake.stats();
    // the faults did happen: many failures, some hangs whose e-mail had gone out, replayed by key
    expect(stats.failed).toBeGreaterThan(100);
    expect(stats.hung).toBeGreaterThan(0);
    expect(stats.replays).toBeGreaterThan(0);
    expect(stats.requests).toBe(200 + stats.failed + stats.replays);
    // retried with a backoff, never given up
    expect(Math.max(...stored.map((r) => r.attempts))).toBeGreaterThan(1);
    expect(Math.max(...stored.map((r) => r.attempts))).toBeLessThan(MAX_ATTEMPTS);
    expect(stored.filter((r) => r.lastError !== null && r.status === 'ENVOYE')).toEqual([]);
  });
});

describe('a worker killed in the middle of a send', () => {
  function startWorker(name: string): { child: ChildProcess; output: () => string } {
    let out = '';
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['tests/helpers/email-worker-child.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        RESEND_BASE_URL: fake.url,
        RESEND_API_KEY: API_KEY,
        WORKER_ID: name,
        // lease 20 s: a send may take up to 10 s, and the worker stops 5 s before its lease ends
        EMAIL_SEND_TIMEOUT_MS: '10000',
        WORKER_LOCK_MS: '20000',
        WORKER_LIMIT: '20',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    children.push(child);
    return { child, output: () => out };
  }

  async function until(check: () => Promise<boolean> | boolean, ms: number, what: string) {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timeout: ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('SIGKILL while the provider holds the first send; another worker takes over once the lease has expired: still exactly once', async () => {
    const rows = await enqueue(5);
    // every request is delivered but not answered: the worker is killed not knowing it went out
    fake.setFaults({ hangRatio: 1, hangMs: 60_000 });
    const victim = startWorker('victime');
    // a child process starts slowly on a loaded machine (tsx compiles the worker and Prisma's client)
    await until(() => fake.stats().requests >= 1, 90_000, `first send (${victim.output()})`);
    victim.child.kill('SIGKILL');
    await new Promise((r) => victim.child.once('exit', r));
    expect(victim.child.signalCode).toBe('SIGKILL');
    expect(fake.emails()).toHaveLength(1);
    // its rows stay claimed until the lease expires: nobody else sends them meanwhile
    const claimed = await db.emailOutbox.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(claimed.every((r) => r.status === 'EN_ATTENTE' && r.lockedUntil !== null && r.attempts === 0)).toBe(true);
    expect(await deliverPendingEmails(db, { ...opts, timeoutMs: 500, workerId: 'trop-tot' })).toEqual({ sent: 0, failed: 0, retried: 0 });

    // the provider recovers; another worker, once the lease has expired (its clock 10 minutes on), resumes
    fake.setFaults(null);
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await deliverPendingEmails(db, { ...opts, now: later, timeoutMs: 2000, workerId: 'releve' })).toEqual({ sent: 5, failed: 0, retried: 0 });

    await expectExactlyOnce(rows);
    // the first message reached the provider twice and was delivered once: the replay got its first id
    expect(fake.stats()).toMatchObject({ requests: 6, replays: 1 });
  });
});

describe('the fake honours Idempotency-Key like Resend', () => {
  it('same key within 24 hours: same id, one delivery; another payload: 409; after 24 hours the key is forgotten', async () => {
    let clock = Date.parse('2027-01-04T08:00:00Z');
    const own = await startFakeResend({ apiKey: API_KEY, clock: () => clock });
    try {
      const send = (body: object, key: string) =>
        fetch(`${own.url}/emails`, {
          method: 'POST',
          headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id?: string; name?: string } }));
      const mail = { from: FROM, to: 'idem@exemple.fr', subject: 'Bonjour', text: 'Bonjour' };
      const first = await send(mail, 'outbox-1');
      clock += 24 * 3600_000 - 1;
      const again = await send(mail, 'outbox-1');
      expect(again).toEqual({ status: 200, body: { id: first.body.id } });
      expect((await send({ ...mail, subject: 'Autre' }, 'outbox-1')).body).toMatchObject({ name: 'invalid_idempotent_request' });
      expect(own.emails()).toHaveLength(1);
      clock += 1;
      const afterWindow = await send(mail, 'outbox-1');
      expect(afterWindow.status).toBe(200);
      expect(afterWindow.body.id).not.toBe(first.body.id);
      expect(own.emails()).toHaveLength(2);
      expect(own.stats()).toMatchObject({ requests: 4, replays: 1 });
    } finally {
      await own.stop();
    }
  });
});
