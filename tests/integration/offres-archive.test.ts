import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARCHIVAGE_PROCHE_TEMPLATE } from '@/lib/email/templates/offres';
import {
  OFFRES_ARCHIVE_JOB,
  archiveExpiredOffres,
  claimJob,
  runOffresArchiveJob,
  startOffresArchiveJob,
  warnBeforeArchive,
} from '@/lib/jobs/offres-archive';
import type { DbClient } from '@/lib/prisma-client';
import { createActeur, createEmployeur, createOffre, createStructure, linkEmployeur, uniqueEmail } from '@/tests/factories';
import { testDb } from '@/tests/helpers/db';

/**
 * The auto-archive job with a controllable clock. The clock is set in the 1990s and the offers
 * of these tests are published then, so that the job (which looks at every structure) only ever
 * finds the offers made here — the demo data and the other tests' offers are far more recent.
 */
const db = testDb();
const other = testDb();
const MARK = 'Archivage-test';
const NOW = new Date('1995-03-15T10:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

/** `date` moved by calendar months in UTC, as PostgreSQL's interval does (day clamped to the month's end). */
function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
const ago = (months: number, days = 0, from = NOW) => new Date(addMonths(from, -months).getTime() - days * DAY);

async function cleanUp() {
  await db.offre.deleteMany({ where: { structure: { raisonSociale: { startsWith: MARK } } } });
  await db.jobRun.deleteMany({ where: { name: OFFRES_ARCHIVE_JOB } });
}

async function fixture() {
  const structure = await createStructure(db, { raisonSociale: `${MARK} ${Math.random().toString(36).slice(2, 8)}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('archivage-g'), prenom: 'Gisèle' });
  const referent = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('archivage-ref'), prenom: 'Rémi' });
  const employeur = await createEmployeur(db, { raisonSociale: 'Carrelages du Test' });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offre = (publishedAt: Date, extra: { referentId?: string | null; status?: 'EN_COURS' | 'POURVUE' | 'ARCHIVEE' } = {}) =>
    createOffre(db, {
      structureId: structure.id,
      employeurId: employeur.id,
      referentId: extra.referentId === null ? undefined : (extra.referentId ?? referent.id),
      status: extra.status,
      publishedAt,
    });
  return { structure, gestionnaire, referent, employeur, offre };
}

async function statusOf(id: string) {
  return db.offre.findUniqueOrThrow({ where: { id }, select: { status: true, archivedAt: true, archiveWarnedAt: true, publishedAt: true } });
}

async function warnings(to: string) {
  return db.emailOutbox.findMany({ where: { to, template: ARCHIVAGE_PROCHE_TEMPLATE }, orderBy: { createdAt: 'asc' } });
}

async function audits(entityId: string, action: string) {
  return db.auditLog.findMany({ where: { entityId, action } });
}

beforeEach(cleanUp);
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await cleanUp();
  await db.$disconnect();
  await other.$disconnect();
});

describe('archiveExpiredOffres', () => {
  it('archives an offer published 6 months + 1 day ago, not one published 5 months ago; one audit row each', async () => {
    const f = await fixture();
    const old = await f.offre(ago(6, 1));
    const recent = await f.offre(ago(5));
    const pourvue = await f.offre(ago(8), { status: 'POURVUE' });

    expect(await archiveExpiredOffres(db, NOW)).toBe(1);
    expect(await statusOf(old.id)).toMatchObject({ status: 'ARCHIVEE', archivedAt: NOW });
    expect((await statusOf(recent.id)).status).toBe('EN_COURS');
    expect((await statusOf(pourvue.id)).status).toBe('POURVUE');

    const [audit] = await audits(old.id, 'offre.archivage_automatique');
    expect(audit).toMatchObject({ actorId: null, entityType: 'Offre' });
    expect(audit!.before).toMatchObject({ status: 'EN_COURS', numero: old.numero });
    expect(audit!.after).toMatchObject({ status: 'ARCHIVEE', archivedAt: NOW.toISOString() });
    expect(await audits(recent.id, 'offre.archivage_automatique')).toHaveLength(0);

    // nothing left to do: a second pass changes nothing
    expect(await archiveExpiredOffres(db, NOW)).toBe(0);
    expect(await audits(old.id, 'offre.archivage_automatique')).toHaveLength(1);
  });

  it('counts calendar months (PostgreSQL interval), to the millisecond', async () => {
    const f = await fixture();
    const published = new Date('1994-08-31T12:00:00.000Z');
    const offre = await f.offre(published);
    // 31 August + 6 months: 28 February is still too early (28/02 − 6 months = 28/08), 1 March is due
    expect(await archiveExpiredOffres(db, new Date('1995-02-28T12:00:00.000Z'))).toBe(0);
    expect(await archiveExpiredOffres(db, new Date('1995-03-01T11:59:59.999Z'))).toBe(1);
    expect((await statusOf(offre.id)).status).toBe('ARCHIVEE');

    const january = await f.offre(new Date('1994-01-15T08:30:00.000Z'));
    expect(await archiveExpiredOffres(db, new Date('1994-07-15T08:29:59.999Z'))).toBe(0);
    expect(await archiveExpiredOffres(db, new Date('1994-07-15T08:30:00.000Z'))).toBe(1);
    expect((await statusOf(january.id)).status).toBe('ARCHIVEE');
  });

  it('does not archive an offer reactivated since (publishedAt reset by « open and save »)', async () => {
    const f = await fixture();
    const offre = await f.offre(ago(7));
    // the edit form reactivates it: published again now (and, archived or not, EN_COURS)
    await db.offre.update({ where: { id: offre.id }, data: { publishedAt: ago(0, 1), status: 'EN_COURS', archivedAt: null } });
    expect(await archiveExpiredOffres(db, NOW)).toBe(0);
    expect((await statusOf(offre.id)).status).toBe('EN_COURS');

    const archived = await f.offre(ago(9), { status: 'ARCHIVEE' });
    await db.offre.update({ where: { id: archived.id }, data: { publishedAt: NOW, status: 'EN_COURS', archivedAt: null } });
    expect(await archiveExpiredOffres(db, NOW)).toBe(0);
    expect((await statusOf(archived.id)).status).toBe('EN_COURS');
    // …until 6 months after the reactivation
    expect(await archiveExpiredOffres(db, addMonths(NOW, 6))).toBe(2);
  });
});

describe('warnBeforeArchive', () => {
  it('tells the référent 7 days before, once, in the same transaction as archiveWarnedAt', async () => {
    const f = await fixture();
    const due = await f.offre(ago(6, -7)); // archived in exactly 7 days
    const later = await f.offre(ago(6, -8)); // in 8 days: not yet

    expect(await warnBeforeArchive(db, NOW)).toBe(1);
    const mails = await warnings(f.referent.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    const numero = String(due.numero).padStart(10, '0');
    expect(mail.subject).toBe(`Votre offre sera archivée dans 7 jours : OFFRE ${numero} Carreleur / Carreleuse mosaïste`);
    expect(mail.text).toContain('Bonjour Rémi,');
    expect(mail.text).toContain('Pour la garder, ouvrez-la et enregistrez-la');
    expect(mail.text).toContain(`sera archivée dans 7 jours, le 22-03-1995`);
    expect(mail.text).toContain(`/mes-offres/${due.numero}/modifier`);
    expect(mail.html).toContain('Carrelages du Test');
    expect((await statusOf(due.id)).archiveWarnedAt).toEqual(NOW);
    expect((await statusOf(later.id)).archiveWarnedAt).toBeNull();
    expect(await audits(due.id, 'offre.avertissement_archivage')).toHaveLength(1);

    // not again, neither later that day nor the next days
    expect(await warnBeforeArchive(db, new Date(NOW.getTime() + 3600_000))).toBe(0);
    expect(await warnBeforeArchive(db, new Date(NOW.getTime() + DAY))).toBe(1); // only `later`, now due
    expect(await warnings(f.referent.email)).toHaveLength(2);
    expect((await statusOf(later.id)).archiveWarnedAt).toEqual(new Date(NOW.getTime() + DAY));
  });

  it('marks nothing when the e-mails cannot be written (same transaction): the next run warns', async () => {
    const f = await fixture();
    const offre = await f.offre(ago(6, -7));
    const failingOutbox = new Proxy(db, {
      get(target, prop) {
        if (prop === '$transaction') {
          return (fn: (tx: unknown) => Promise<unknown>, opts: unknown) =>
            target.$transaction(
              (tx) =>
                fn(
                  new Proxy(tx, {
                    get: (t, p) => (p === 'emailOutbox' ? { create: () => Promise.reject(new Error('outbox indisponible')) } : Reflect.get(t, p)),
                  }),
                ),
              opts as never,
            );
        }
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as DbClient;
    await expect(warnBeforeArchive(failingOutbox, NOW)).rejects.toThrow('outbox indisponible');
    expect((await statusOf(offre.id)).archiveWarnedAt).toBeNull();
    expect(await audits(offre.id, 'offre.avertissement_archivage')).toHaveLength(0);
    expect(await warnBeforeArchive(db, NOW)).toBe(1);
    expect(await warnings(f.referent.email)).toHaveLength(1);
  });

  it('two concurrent runs send one e-mail', async () => {
    const f = await fixture();
    const offres = [await f.offre(ago(6, -3)), await f.offre(ago(6, -5)), await f.offre(ago(6, -7))];
    await Promise.all([db.$queryRaw`SELECT 1`, other.$queryRaw`SELECT 1`]);
    const [a, b] = await Promise.all([warnBeforeArchive(db, NOW), warnBeforeArchive(other, NOW)]);
    expect(a + b).toBe(3);
    expect(await warnings(f.referent.email)).toHaveLength(3);
    for (const o of offres) expect(await audits(o.id, 'offre.avertissement_archivage')).toHaveLength(1);
  });

  it('without référent (or with one who left the structure), tells the structure’s gestionnaires', async () => {
    const f = await fixture();
    const second = await createActeur(db, f.structure.id, 'GESTIONNAIRE', { email: uniqueEmail('archivage-g2') });
    const sansReferent = await f.offre(ago(6, -6), { referentId: null });
    const parti = await createActeur(db, f.structure.id, 'UTILISATEUR', { email: uniqueEmail('archivage-parti') });
    await f.offre(ago(6, -6), { referentId: parti.id });
    await db.membership.delete({ where: { userId: parti.id } });

    expect(await warnBeforeArchive(db, NOW)).toBe(2);
    expect(await warnings(parti.email)).toHaveLength(0);
    expect(await warnings(f.referent.email)).toHaveLength(0);
    for (const g of [f.gestionnaire, second]) {
      const mails = await warnings(g.email);
      expect(mails).toHaveLength(2);
      expect(mails[0]!.text).toContain("Cette offre n'a pas de référent : ce message est envoyé aux gestionnaires de la structure.");
      expect(mails[0]!.subject).toContain('dans 6 jours');
    }
    const [audit] = await audits(sansReferent.id, 'offre.avertissement_archivage');
    expect((audit!.after as { destinataires: string[] }).destinataires.sort()).toEqual([f.gestionnaire.email, second.email].sort());
  });

  it('warns again after a reactivation, for the new 6 months', async () => {
    const f = await fixture();
    const offre = await f.offre(ago(6, -7));
    expect(await warnBeforeArchive(db, NOW)).toBe(1);
    // reactivated by « open and save » (publishedAt moved forward; archiveWarnedAt left as it was)
    const reactivatedAt = new Date(NOW.getTime() + 3600_000);
    await db.offre.update({ where: { id: offre.id }, data: { publishedAt: reactivatedAt } });
    const sixMonthsLater = addMonths(reactivatedAt, 6);
    expect(await warnBeforeArchive(db, new Date(sixMonthsLater.getTime() - 8 * DAY))).toBe(0);
    expect(await warnBeforeArchive(db, new Date(sixMonthsLater.getTime() - 7 * DAY))).toBe(1);
    expect(await warnings(f.referent.email)).toHaveLength(2);
  });

  it('does not warn an offer already due (it is archived, not told « dans 7 jours »), nor one not en cours', async () => {
    const f = await fixture();
    await f.offre(ago(6, 2));
    await f.offre(ago(6, -2), { status: 'POURVUE' });
    expect(await warnBeforeArchive(db, NOW)).toBe(0);
    expect(await warnings(f.referent.email)).toHaveLength(0);
  });
});

describe('runOffresArchiveJob', () => {
  it('archives then warns, and records the run in JobRun', async () => {
    const f = await fixture();
    const old = await f.offre(ago(6, 1));
    const soon = await f.offre(ago(6, -7));
    expect(await runOffresArchiveJob(db, NOW)).toEqual({ ran: true, archived: 1, warned: 1 });
    expect((await statusOf(old.id)).status).toBe('ARCHIVEE');
    expect((await statusOf(soon.id)).archiveWarnedAt).toEqual(NOW);
    expect(await warnings(f.referent.email)).toHaveLength(1);
    expect(await db.jobRun.findUniqueOrThrow({ where: { name: OFFRES_ARCHIVE_JOB } })).toEqual({
      name: OFFRES_ARCHIVE_JOB,
      lockedUntil: null,
      lastRunAt: NOW,
      lastError: null,
    });
  });

  it('two concurrent runs: only one does the work', async () => {
    const f = await fixture();
    const olds = [await f.offre(ago(7)), await f.offre(ago(6, 3))];
    const soon = await f.offre(ago(6, -4));
    await Promise.all([db.$queryRaw`SELECT 1`, other.$queryRaw`SELECT 1`]);
    const runs = await Promise.all([runOffresArchiveJob(db, NOW), runOffresArchiveJob(other, NOW)]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(runs.find((r) => r.ran)).toEqual({ ran: true, archived: 2, warned: 1 });
    expect(runs.find((r) => !r.ran)).toEqual({ ran: false, archived: 0, warned: 0 });
    for (const o of olds) expect(await audits(o.id, 'offre.archivage_automatique')).toHaveLength(1);
    expect(await audits(soon.id, 'offre.avertissement_archivage')).toHaveLength(1);
    expect(await warnings(f.referent.email)).toHaveLength(1);
  });

  it('the lease is taken by exactly one of two simultaneous claims', async () => {
    await Promise.all([db.$queryRaw`SELECT 1`, other.$queryRaw`SELECT 1`]);
    const tokens = await Promise.all([claimJob(db, OFFRES_ARCHIVE_JOB, NOW), claimJob(other, OFFRES_ARCHIVE_JOB, NOW)]);
    expect(tokens.filter(Boolean)).toHaveLength(1);
  });

  it('does nothing while another instance holds the lease, and takes over once it has expired', async () => {
    const f = await fixture();
    const old = await f.offre(ago(7));
    await db.jobRun.create({ data: { name: OFFRES_ARCHIVE_JOB, lockedUntil: new Date(NOW.getTime() + 5 * 60_000) } });
    expect(await runOffresArchiveJob(db, NOW)).toEqual({ ran: false, archived: 0, warned: 0 });
    expect((await statusOf(old.id)).status).toBe('EN_COURS');
    // the other instance crashed: its lease expires
    const later = new Date(NOW.getTime() + 6 * 60_000);
    expect(await runOffresArchiveJob(db, later)).toEqual({ ran: true, archived: 1, warned: 0 });
    expect((await db.jobRun.findUniqueOrThrow({ where: { name: OFFRES_ARCHIVE_JOB } })).lastRunAt).toEqual(later);
  });

  it('records the error, releases the lease and rethrows', async () => {
    const broken = new Proxy(db, {
      get(target, prop) {
        if (prop === '$transaction') return () => Promise.reject(new Error('panne simulée'));
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as DbClient;
    await expect(runOffresArchiveJob(broken, NOW)).rejects.toThrow('panne simulée');
    expect(await db.jobRun.findUniqueOrThrow({ where: { name: OFFRES_ARCHIVE_JOB } })).toMatchObject({
      lockedUntil: null,
      lastRunAt: NOW,
      lastError: 'Error: panne simulée',
    });
    // the next run works and clears the error
    expect((await runOffresArchiveJob(db, NOW)).ran).toBe(true);
    expect((await db.jobRun.findUniqueOrThrow({ where: { name: OFFRES_ARCHIVE_JOB } })).lastError).toBeNull();
  });
});

describe('startOffresArchiveJob', () => {
  it('an interval of 0 disables it', async () => {
    const stop = startOffresArchiveJob(db, 0, { clock: () => NOW });
    await stop();
    expect(await db.jobRun.findUnique({ where: { name: OFFRES_ARCHIVE_JOB } })).toBeNull();
  });

  it('runs at once then at each interval, never twice at the same time; logs errors instead of throwing', async () => {
    const f = await fixture();
    const old = await f.offre(ago(7));
    vi.spyOn(console, 'info').mockImplementation(() => {});
    let ticks = 0;
    const clock = () => new Date(NOW.getTime() + ticks++ * 1000);
    const stop = startOffresArchiveJob(db, 20, { clock });
    expect(startOffresArchiveJob(db, 20, { clock })).toBe(stop);
    await vi.waitFor(async () => expect((await statusOf(old.id)).status).toBe('ARCHIVEE'), { timeout: 5000 });
    await vi.waitFor(() => expect(ticks).toBeGreaterThanOrEqual(3), { timeout: 5000 });
    await stop();
    const after = ticks;
    await new Promise((r) => setTimeout(r, 100));
    expect(ticks).toBe(after);
    expect(await audits(old.id, 'offre.archivage_automatique')).toHaveLength(1);

    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = new Proxy(other, {
      get(target, prop) {
        if (prop === '$transaction') return () => Promise.reject(new Error('panne simulée'));
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as DbClient;
    const stopBroken = startOffresArchiveJob(broken, 20, { clock: () => NOW });
    await vi.waitFor(() => expect(error).toHaveBeenCalled(), { timeout: 5000 });
    await stopBroken();
    expect(String(error.mock.calls[0]?.[0])).toContain('[offres-archive]');
  });
});
