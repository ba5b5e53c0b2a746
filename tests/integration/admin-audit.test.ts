import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/permissions';
import { RESERVE_ADMIN_MESSAGE } from '@/lib/data/admin-access';
import { acteurLabel, exportAudit, listAudit, listAuditActions, parisDayStart } from '@/lib/data/admin-audit';
import { db } from '@/lib/db';
import { adminPersonas, current, tag } from '@/tests/helpers/admin-personas';
import { createUser, uniqueEmail } from '@/tests/factories';


let admin: CurrentUser;
let candidat: CurrentUser;
let acteur: CurrentUser;

beforeAll(async () => {
  ({ admin, candidat, acteur } = await adminPersonas('audit'));
});

async function entry(action: string, at: Date, actorId: string | null = null, extra: { before?: object; after?: object } = {}) {
  return db.auditLog.create({ data: { action, entityType: 'Test', entityId: tag(), actorId, createdAt: at, ip: '198.51.100.1', ...extra } });
}

describe('admin « Journal d’audit » — droits', () => {
  it('refuses a candidate, an acteur, a deactivated admin and no user at all', async () => {
    const inactif = await current((await createUser(db, { role: 'ADMIN', email: uniqueEmail('admin-inactif-audit'), active: false })).id);
    for (const user of [candidat, acteur, inactif, { ...acteur, role: 'ADMIN' as const }]) {
      await expect(listAudit(user, { page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(listAuditActions(user)).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(exportAudit(user, {})).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    }
    await expect(listAudit(undefined as unknown as CurrentUser, { page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
  });
});

describe('admin « Journal d’audit » — filtres', () => {
  it('newest first; filters by exact action or prefix, by actor (name or e-mail); « Système » without actor', async () => {
    const t = tag();
    const author = await createUser(db, { role: 'ACTEUR', email: uniqueEmail(`auteur-${t}`), prenom: 'Éloïse', nom: `Garnier${t}` });
    const now = Date.now();
    const e1 = await entry(`t${t}.creation`, new Date(now - 3000), author.id, { after: { titre: 'Carreleur' } });
    const e2 = await entry(`t${t}.suppression`, new Date(now - 2000), null, { before: { titre: 'Carreleur' } });
    const e3 = await entry(`t${t}x.creation`, new Date(now - 1000), admin.id);

    const prefix = await listAudit(admin, { action: `t${t}.`, page: 1 });
    expect(prefix.rows.map((r) => r.id)).toEqual([e2.id, e1.id]);
    expect(prefix.rows[0]!.before).toEqual({ titre: 'Carreleur' });
    expect(acteurLabel(prefix.rows[0]!)).toBe('Système');
    expect(acteurLabel(prefix.rows[1]!)).toBe(`Éloïse Garnier${t} (${author.email})`);

    const exact = await listAudit(admin, { action: `t${t}.creation`, page: 1 });
    expect(exact.rows.map((r) => r.id)).toEqual([e1.id]);
    // no implicit prefix without the dot
    expect((await listAudit(admin, { action: `t${t}`, page: 1 })).total).toBe(0);
    expect((await listAudit(admin, { acteur: 'garnier%', page: 1 })).total).toBe(0);

    expect((await listAudit(admin, { acteur: `garnier${t}`, page: 1 })).rows.map((r) => r.id)).toEqual([e1.id]);
    expect((await listAudit(admin, { acteur: `éloïse GARNIER${t}`, page: 1 })).rows.map((r) => r.id)).toEqual([e1.id]);
    expect((await listAudit(admin, { acteur: author.email.toUpperCase(), page: 1 })).rows.map((r) => r.id)).toEqual([e1.id]);
    expect((await listAudit(admin, { acteur: admin.email, action: `t${t}x.creation`, page: 1 })).rows.map((r) => r.id)).toEqual([e3.id]);

    const actions = await listAuditActions(admin);
    expect(actions).toEqual(expect.arrayContaining([`t${t}.creation`, `t${t}.suppression`, `t${t}x.creation`]));
    expect(new Set(actions).size).toBe(actions.length);

    expect((await exportAudit(admin, { action: `t${t}.` })).map((r) => r.id)).toEqual([e2.id, e1.id]);
  });

  it('« du » / « au » are whole days in Europe/Paris (winter and summer time)', async () => {
    const t = tag();
    const action = `d${t}.test`;
    // 15 January 2026 in Paris = [14 Jan 23:00Z, 15 Jan 23:00Z)
    const before = await entry(action, new Date('2026-01-14T22:59:00Z')); // 14 Jan 23:59 Paris
    const startW = await entry(action, new Date('2026-01-14T23:30:00Z')); // 15 Jan 00:30 Paris
    const endW = await entry(action, new Date('2026-01-15T22:59:00Z')); // 15 Jan 23:59 Paris
    const nextW = await entry(action, new Date('2026-01-15T23:00:00Z')); // 16 Jan 00:00 Paris
    // 15 July 2026 in Paris = [14 Jul 22:00Z, 15 Jul 22:00Z)
    const startS = await entry(action, new Date('2026-07-14T22:30:00Z')); // 15 Jul 00:30 Paris
    const lateS = await entry(action, new Date('2026-07-15T21:30:00Z')); // 15 Jul 23:30 Paris
    const nextS = await entry(action, new Date('2026-07-15T22:00:00Z')); // 16 Jul 00:00 Paris

    const ids = async (du?: string, au?: string) => (await listAudit(admin, { action, du, au, page: 1 })).rows.map((r) => r.id).sort();
    expect(await ids('2026-01-15', '2026-01-15')).toEqual([startW.id, endW.id].sort());
    expect(await ids('2026-07-15', '2026-07-15')).toEqual([startS.id, lateS.id].sort());
    expect(await ids(undefined, '2026-01-14')).toEqual([before.id]);
    expect(await ids('2026-07-16')).toEqual([nextS.id]);
    expect(await ids('2026-01-16', '2026-07-14')).toEqual([nextW.id]);
    // an impossible date is ignored, never an error
    expect(await ids('2026-02-30')).toHaveLength(7);

    expect(parisDayStart('2026-03-29')?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisDayStart('2026-03-30')?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(parisDayStart('2026-10-25')?.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(parisDayStart('2026-10-26')?.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(parisDayStart('nope')).toBeNull();
  });

  it('pages by 50', async () => {
    const t = tag();
    const action = `p${t}.test`;
    await db.auditLog.createMany({ data: Array.from({ length: 51 }, (_, i) => ({ action, entityType: 'Test', createdAt: new Date(Date.now() - i * 1000) })) });
    const p1 = await listAudit(admin, { action, page: 1 });
    expect(p1).toMatchObject({ total: 51, pageCount: 2, page: 1 });
    expect(p1.rows).toHaveLength(50);
    expect((await listAudit(admin, { action, page: 2 })).rows).toHaveLength(1);
  });
});
