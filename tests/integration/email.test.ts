import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/tests/helpers/db';
import { startFakeResend, type FakeResend } from '@/tests/fakes/resend-server';
import { enqueueEmail } from '@/lib/email/send';
import { passwordResetEmail } from '@/lib/email/templates/password-reset';
import { deliverPendingEmails, kickEmailWorker, startEmailWorker, type DeliverOptions } from '@/lib/jobs/email-worker';

const API_KEY = 're_test_integration_key';
const FROM = 'CMonAlternance <ne-pas-repondre@cmonalternance-na.fr>';
const RESET_URL = 'https://cmonalternance-na.fr/mot-de-passe/nouveau?token=t0k3n';

const db = testDb();
let fake: FakeResend;
let opts: DeliverOptions;

function message(i = 0, prenom = 'Zoé') {
  return { to: `candidat${i}@exemple.fr`, ...passwordResetEmail({ prenom, url: `${RESET_URL}${i}` }) };
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY });
  opts = { apiKey: API_KEY, baseUrl: fake.url, from: FROM };
  await db.emailOutbox.deleteMany();
});

afterAll(async () => {
  await fake.stop();
  await db.emailOutbox.deleteMany();
  await db.$disconnect();
});

beforeEach(async () => {
  await db.emailOutbox.deleteMany();
  fake.clear();
  fake.setFailureMode('none');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('enqueueEmail', () => {
  it('writes the e-mail with the transaction, and not at all when it rolls back', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, message(1));
        throw new Error('annulation');
      }),
    ).rejects.toThrow('annulation');
    expect(await db.emailOutbox.count()).toBe(0);

    const queued = await db.$transaction((tx) => enqueueEmail(tx, message(2)));
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: 'EN_ATTENTE', attempts: 0, to: 'candidat2@exemple.fr', template: 'password-reset', lockedUntil: null });
    expect(row.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a given idempotency key', async () => {
    const queued = await enqueueEmail(db, { ...message(3), idempotencyKey: 'reset:user-3:1' });
    expect(queued.idempotencyKey).toBe('reset:user-3:1');
  });
});

describe('deliverPendingEmails', () => {
  it('delivers through the Resend SDK exactly once', async () => {
    const { id } = await db.$transaction((tx) => enqueueEmail(tx, message(1, '<b>Zoé</b>')));
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });

    expect(await deliverPendingEmails(db, opts)).toEqual({ sent: 1, failed: 0, retried: 0 });

    const [sent, ...others] = fake.emails();
    expect(others).toHaveLength(0);
    expect(sent!.to).toEqual(['candidat1@exemple.fr']);
    expect(sent!.from).toBe(FROM);
    expect(sent!.subject).toBe('Réinitialisation de votre mot de passe CMonAlternance');
    expect(sent!.html).toContain('Bonjour &lt;b&gt;Zoé&lt;/b&gt;,');
    expect(sent!.html).not.toContain('<b>Zoé');
    expect(sent!.text).toContain(`${RESET_URL}1`);
    expect(sent!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent!.headers['idempotency-key']).toBe(row.idempotencyKey);
    expect(sent!.idempotencyKey).toBe(row.idempotencyKey);

    const after = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: 'ENVOYE', providerId: sent!.id, lockedUntil: null, lastError: null, attempts: 1 });
    expect(after.sentAt).toBeInstanceOf(Date);

    // a second pass sends nothing
    expect(await deliverPendingEmails(db, opts)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(fake.requestCount()).toBe(1);
    expect(fake.emails()).toHaveLength(1);
  });

  it('retries after a 500 with a backoff, then delivers', async () => {
    const { id } = await enqueueEmail(db, message(1));
    fake.setFailureMode('fail-500');
    const now = new Date();
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect(await deliverPendingEmails(db, { ...opts, now })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const failed = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: 'EN_ATTENTE', attempts: 1, lockedUntil: null });
    expect(failed.lastError).toMatch(/500/);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(fake.emails()).toHaveLength(0);

    // not due yet
    fake.setFailureMode('none');
    expect(await deliverPendingEmails(db, { ...opts, now })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(fake.requestCount()).toBe(1);

    const later = new Date(now.getTime() + 2 * 60 * 60 * 1000);
    expect(await deliverPendingEmails(db, { ...opts, now: later })).toEqual({ sent: 1, failed: 0, retried: 0 });
    const delivered = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(delivered).toMatchObject({ status: 'ENVOYE', attempts: 2, lastError: null });
    expect(fake.emails()).toHaveLength(1);
  });

  it('retries after a network timeout', async () => {
    const { id } = await enqueueEmail(db, message(1));
    fake.setFailureMode('timeout');
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect(await deliverPendingEmails(db, { ...opts, timeoutMs: 300 })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'EN_ATTENTE', attempts: 1, lockedUntil: null });
    expect(row.lastError).toMatch(/réseau/);
  });

  it('gives up at once on a 422 validation error', async () => {
    const { id } = await enqueueEmail(db, message(1));
    fake.setFailureMode('fail-422');
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(await deliverPendingEmails(db, opts)).toEqual({ sent: 0, failed: 1, retried: 0 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'ECHEC', attempts: 1, lockedUntil: null });
    expect(row.lastError).toMatch(/422 validation_error/);

    fake.setFailureMode('none');
    expect(await deliverPendingEmails(db, { ...opts, now: new Date(Date.now() + 86_400_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it('gives up after the 8th attempt', async () => {
    const { id } = await enqueueEmail(db, message(1));
    await db.emailOutbox.update({ where: { id }, data: { attempts: 7 } });
    fake.setFailureMode('fail-500');
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(await deliverPendingEmails(db, opts)).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'ECHEC', attempts: 8 });
  });

  it('treats a wrong API key as temporary (configuration), not as permanent', async () => {
    const { id } = await enqueueEmail(db, message(1));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await deliverPendingEmails(db, { ...opts, apiKey: 're_wrong' })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toMatch(/403 invalid_api_key/);
  });

  it('does not deliver twice when a sent e-mail is retried (crash before it was marked)', async () => {
    const { id } = await enqueueEmail(db, message(1));
    await deliverPendingEmails(db, opts);
    const first = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    // as if the worker had died between Resend's answer and the UPDATE
    await db.emailOutbox.update({ where: { id }, data: { status: 'EN_ATTENTE', providerId: null, sentAt: null } });

    expect(await deliverPendingEmails(db, opts)).toEqual({ sent: 1, failed: 0, retried: 0 });
    const second = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(second.status).toBe('ENVOYE');
    expect(second.providerId).toBe(first.providerId);
    expect(fake.emails()).toHaveLength(1);
    expect(fake.requestCount()).toBe(2);
  });

  it('leaves a row claimed by another worker alone until its claim expires', async () => {
    const { id } = await enqueueEmail(db, message(1));
    const now = new Date();
    await db.emailOutbox.update({ where: { id }, data: { lockedUntil: new Date(now.getTime() + 60_000) } });

    expect(await deliverPendingEmails(db, { ...opts, now })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(fake.requestCount()).toBe(0);

    expect(await deliverPendingEmails(db, { ...opts, now: new Date(now.getTime() + 61_000) })).toEqual({ sent: 1, failed: 0, retried: 0 });
  });

  it('sends each of 20 e-mails exactly once with two concurrent workers', async () => {
    const other = testDb();
    try {
      await db.$transaction(async (tx) => {
        for (let i = 0; i < 20; i++) await enqueueEmail(tx, message(i));
      });
      const drain = async (client: typeof db, workerId: string) => {
        let sent = 0;
        for (;;) {
          const r = await deliverPendingEmails(client, { ...opts, workerId, limit: 3 });
          sent += r.sent;
          if (r.sent + r.failed + r.retried === 0) return sent;
        }
      };
      const [a, b, c, d] = await Promise.all([
        drain(db, 'a'),
        drain(other, 'b'),
        deliverPendingEmails(db, { ...opts, workerId: 'c', limit: 20 }).then((r) => r.sent),
        deliverPendingEmails(other, { ...opts, workerId: 'd', limit: 20 }).then((r) => r.sent),
      ]);
      expect(a + b + c + d).toBe(20);

      const emails = fake.emails();
      expect(emails).toHaveLength(20);
      expect(fake.requestCount()).toBe(20);
      expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(20);
      expect(new Set(emails.map((e) => e.to[0])).size).toBe(20);
      expect(await db.emailOutbox.count({ where: { status: 'ENVOYE' } })).toBe(20);
    } finally {
      await other.$disconnect();
    }
  });

  it('sends nothing without an API key (development): rows stay readable in the outbox', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { id } = await enqueueEmail(db, message(1));
    await enqueueEmail(db, message(2));

    const dev = { apiKey: null, baseUrl: fake.url, from: FROM };
    expect(await deliverPendingEmails(db, dev)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await deliverPendingEmails(db, dev)).toEqual({ sent: 0, failed: 0, retried: 0 });

    expect(fake.requestCount()).toBe(0);
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'EN_ATTENTE', attempts: 0, lockedUntil: null, providerId: null });
    expect(row.text).toContain(`${RESET_URL}1`);
    const lines = info.mock.calls.map((c) => String(c[0]));
    expect(lines.filter((l) => l.includes('candidat1@exemple.fr'))).toEqual([
      '[email] (dev, non envoyé) à candidat1@exemple.fr : Réinitialisation de votre mot de passe CMonAlternance',
    ]);
    expect(lines.filter((l) => l.includes('candidat2@exemple.fr'))).toHaveLength(1);
  });
});

describe('kickEmailWorker / startEmailWorker', () => {
  it('kick delivers right away', async () => {
    await db.$transaction((tx) => enqueueEmail(tx, message(1)));
    await kickEmailWorker(db, opts);
    expect(fake.emails()).toHaveLength(1);
    expect(await db.emailOutbox.count({ where: { status: 'ENVOYE' } })).toBe(1);
  });

  it('kick never rejects (errors are logged)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { ...db, $queryRaw: () => Promise.reject(new Error('base indisponible')) } as unknown as typeof db;
    await expect(kickEmailWorker(broken, opts)).resolves.toBeUndefined();
    expect(error).toHaveBeenCalled();
  });

  it('the interval worker delivers what is enqueued, and stops', async () => {
    const stop = startEmailWorker(db, 50, opts);
    try {
      expect(startEmailWorker(db, 50, opts)).toBe(stop);
      await enqueueEmail(db, message(1));
      await enqueueEmail(db, message(2));
      await vi.waitFor(async () => {
        expect(await db.emailOutbox.count({ where: { status: 'ENVOYE' } })).toBe(2);
      }, { timeout: 5000, interval: 50 });
    } finally {
      await stop();
    }
    await enqueueEmail(db, message(3));
    await new Promise((r) => setTimeout(r, 200));
    expect(await db.emailOutbox.count({ where: { status: 'EN_ATTENTE' } })).toBe(1);
    expect(fake.emails()).toHaveLength(2);
  });
});
