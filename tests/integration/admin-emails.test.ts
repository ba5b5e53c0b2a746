import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/permissions';
import { RESERVE_ADMIN_MESSAGE } from '@/lib/data/admin-access';
import { EMAIL_RETRY_ONLY_ECHEC_MESSAGE, exportEmails, getEmail, listEmails, retryEmail } from '@/lib/data/admin-emails';
import { db } from '@/lib/db';
import { adminPersonas, current, tag } from '@/tests/helpers/admin-personas';
import { enqueueEmail } from '@/lib/email/send';
import type { EmailStatus } from '@/lib/generated/prisma/client';
import { createUser, uniqueEmail } from '@/tests/factories';


let admin: CurrentUser;
let candidat: CurrentUser;
let acteur: CurrentUser;

beforeAll(async () => {
  ({ admin, candidat, acteur } = await adminPersonas('emails'));
});

/** An outbox row in the given state, `minutesAgo` old. */
async function outbox(t: string, status: EmailStatus, opts: { to?: string; subject?: string; minutesAgo?: number; attempts?: number; lastError?: string } = {}) {
  const row = await enqueueEmail(db, {
    to: opts.to ?? `dest-${t}-${tag()}@exemple.test`,
    template: 'test',
    subject: opts.subject ?? `Objet ${t} ${status}`,
    html: `<p>Bonjour ${t}</p>`,
    text: `Bonjour ${t}`,
  });
  return db.emailOutbox.update({
    where: { id: row.id },
    data: {
      status,
      attempts: opts.attempts ?? (status === 'EN_ATTENTE' ? 0 : 1),
      lastError: opts.lastError ?? (status === 'ECHEC' ? '422 validation_error : adresse refusée' : null),
      sentAt: status === 'ENVOYE' ? new Date() : null,
      createdAt: new Date(Date.now() - (opts.minutesAgo ?? 0) * 60_000),
      // not due: the app's worker (if any) leaves these alone
      nextAttemptAt: new Date(Date.now() + 24 * 3600_000),
    },
  });
}

describe('admin « E-mails » — droits', () => {
  it('refuses a candidate, an acteur, a deactivated admin and no user at all', async () => {
    const inactif = await current((await createUser(db, { role: 'ADMIN', email: uniqueEmail('admin-inactif-emails'), active: false })).id);
    const failed = await outbox(tag(), 'ECHEC');
    for (const user of [candidat, acteur, inactif, { ...candidat, role: 'ADMIN' as const }]) {
      await expect(listEmails(user, { page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(getEmail(user, failed.id)).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(exportEmails(user, {})).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(retryEmail(user, failed.id)).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    }
    await expect(listEmails(null as unknown as CurrentUser, { page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'ECHEC', attempts: 1 });
    expect(await db.auditLog.count({ where: { entityId: failed.id } })).toBe(0);
  });
});

describe('admin « E-mails » — liste', () => {
  it('lists newest first, filters by status and by recipient or subject, counts each status', async () => {
    const t = tag();
    const a = await outbox(t, 'ENVOYE', { minutesAgo: 30 });
    const b = await outbox(t, 'ECHEC', { minutesAgo: 20 });
    const c = await outbox(t, 'EN_ATTENTE', { minutesAgo: 10 });
    const d = await outbox(t, 'ENVOYE', { minutesAgo: 5, to: `Camille.${t}@Exemple.test`, subject: 'Bienvenue' });

    const all = await listEmails(admin, { q: t, page: 1 });
    expect(all.rows.map((r) => r.id)).toEqual([d.id, c.id, b.id, a.id]);
    expect(all.counts).toEqual({ EN_ATTENTE: 1, ENVOYE: 2, ECHEC: 1, all: 4 });
    expect(all.rows[2]).toMatchObject({ status: 'ECHEC', attempts: 1, lastError: '422 validation_error : adresse refusée', template: 'test' });

    expect((await listEmails(admin, { q: t, statut: 'ENVOYE', page: 1 })).rows.map((r) => r.id)).toEqual([d.id, a.id]);
    expect((await listEmails(admin, { q: t, statut: 'ECHEC', page: 1 })).rows.map((r) => r.id)).toEqual([b.id]);
    // recipient, case ignored
    expect((await listEmails(admin, { q: `camille.${t}@exemple`, page: 1 })).rows.map((r) => r.id)).toEqual([d.id]);
    // subject
    expect((await listEmails(admin, { q: `objet ${t} en_attente`, page: 1 })).rows.map((r) => r.id)).toEqual([c.id]);
    // LIKE wildcards are plain text
    expect((await listEmails(admin, { q: `${t}%`, page: 1 })).total).toBe(0);
    expect((await listEmails(admin, { q: `objet ${t} en_attent_`, page: 1 })).total).toBe(0);

    const csv = await exportEmails(admin, { q: t, statut: 'ENVOYE' });
    expect(csv.map((r) => r.id)).toEqual([d.id, a.id]);
  });

  it('pages by 20 and clamps the page', async () => {
    const t = tag();
    for (let i = 0; i < 21; i++) await outbox(t, 'ENVOYE', { minutesAgo: i });
    const p1 = await listEmails(admin, { q: t, page: 1 });
    expect(p1).toMatchObject({ total: 21, pageCount: 2, page: 1 });
    expect(p1.rows).toHaveLength(20);
    const p9 = await listEmails(admin, { q: t, page: 9 });
    expect(p9.page).toBe(2);
    expect(p9.rows).toHaveLength(1);
  });

  it('gives one e-mail with its text and HTML; unknown → null', async () => {
    const t = tag();
    const row = await outbox(t, 'ENVOYE');
    const email = await getEmail(admin, row.id);
    expect(email).toMatchObject({ id: row.id, text: `Bonjour ${t}`, html: `<p>Bonjour ${t}</p>`, status: 'ENVOYE' });
    expect(await getEmail(admin, 'inconnu')).toBeNull();
  });
});

describe('admin « E-mails » — Réessayer', () => {
  it('puts a failed e-mail back in the queue as the worker expects, audited', async () => {
    const t = tag();
    const row = await outbox(t, 'ECHEC', { attempts: 8, lastError: '500 application_error : panne' });
    const before = Date.now();
    const result = await retryEmail(admin, row.id, { ip: '203.0.113.7' });
    expect(result).toEqual({ id: row.id, to: row.to, subject: row.subject });
    const after = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: 'EN_ATTENTE', attempts: 0, lockedUntil: null, lastError: '500 application_error : panne' });
    expect(after.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(after.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    const audit = await db.auditLog.findMany({ where: { entityId: row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      action: 'email.renvoi',
      entityType: 'EmailOutbox',
      ip: '203.0.113.7',
      before: { status: 'ECHEC', attempts: 8, lastError: '500 application_error : panne' },
      after: { status: 'EN_ATTENTE', attempts: 0 },
    });
  });

  it('refuses an e-mail that is not failed (pending, sent, unknown): nothing changes, no audit', async () => {
    const t = tag();
    for (const status of ['EN_ATTENTE', 'ENVOYE'] as const) {
      const row = await outbox(t, status, { attempts: 3 });
      await expect(retryEmail(admin, row.id)).rejects.toThrow(EMAIL_RETRY_ONLY_ECHEC_MESSAGE);
      expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status, attempts: 3 });
      expect(await db.auditLog.count({ where: { entityId: row.id } })).toBe(0);
    }
    await expect(retryEmail(admin, 'inconnu')).rejects.toThrow('Cet e-mail est introuvable.');
  });

  it('two admins retrying at once: one retry, one audit row', async () => {
    const row = await outbox(tag(), 'ECHEC');
    const results = await Promise.allSettled([retryEmail(admin, row.id), retryEmail(admin, row.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: row.id, action: 'email.renvoi' } })).toBe(1);
  });
});
