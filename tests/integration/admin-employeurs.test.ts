import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/permissions';

import { RESERVE_ADMIN_MESSAGE } from '@/lib/data/admin-access';
import { exportDemandesEmployeurs, listDemandesEmployeurs, validerDemandesEmployeurs } from '@/lib/data/admin-employeurs';
import { db } from '@/lib/db';
import { adminPersonas, current, tag } from '@/tests/helpers/admin-personas';
import { createActeur, createEmployeur, createStructure, createUser, linkEmployeur, uniqueEmail } from '@/tests/factories';

const DAY = 24 * 60 * 60 * 1000;

let admin: CurrentUser;
let candidat: CurrentUser;
let acteur: CurrentUser;

beforeAll(async () => {
  ({ admin, candidat, acteur } = await adminPersonas('employeurs'));
});

/** A structure (with a member) and, for it, one request per entry, `daysAgo` old. */
async function scenario() {
  const t = tag();
  const structure = await createStructure(db, { raisonSociale: `Lycée Pro Éole ${t}`, email: `contact@eole-${t}.fr` });
  const member = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-eole'), prenom: 'Gaëlle', nom: 'Durand' });
  async function demande(nom: string, daysAgo: number, status: 'EN_ATTENTE' | 'VALIDE' | 'REFUSE' = 'EN_ATTENTE', decidedDaysAgo = 0) {
    const employeur = await createEmployeur(db, { raisonSociale: `${nom} ${t}`, email: `rh@${t}.fr` });
    const link = await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id, status, requestedById: member.id, motifRefus: status === 'REFUSE' ? 'Hors champ' : undefined });
    await db.structureEmployeur.update({
      where: { id: link.id },
      data: { requestedAt: new Date(Date.now() - daysAgo * DAY), alertes: daysAgo === 10 ? ['Alerte de test.'] : [], decidedAt: status === 'EN_ATTENTE' ? null : new Date(Date.now() - decidedDaysAgo * DAY) },
    });
    return { employeur, link };
  }
  return { t, structure, member, demande };
}

describe('admin « Demandes d’employeurs » — droits', () => {
  it('refuses a candidate, an acteur, a deactivated admin and no user at all', async () => {
    const inactif = await current((await createUser(db, { role: 'ADMIN', email: uniqueEmail('admin-inactif'), active: false })).id);
    for (const user of [candidat, acteur, inactif, { ...candidat, role: 'ADMIN' as const }]) {
      await expect(listDemandesEmployeurs(user, { statut: 'EN_ATTENTE', page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(exportDemandesEmployeurs(user, {})).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(validerDemandesEmployeurs(user, ['x'])).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    }
    await expect(listDemandesEmployeurs(null as unknown as typeof admin, { statut: 'EN_ATTENTE', page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
  });

  it('an acteur cannot validate through the bulk function: nothing changes', async () => {
    const { demande } = await scenario();
    const { link } = await demande('Intouchable', 1);
    await expect(validerDemandesEmployeurs(acteur, [link.id])).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    expect((await db.structureEmployeur.findUniqueOrThrow({ where: { id: link.id } })).status).toBe('EN_ATTENTE');
  });
});

describe('admin « Demandes d’employeurs » — liste', () => {
  it('lists pending requests oldest first with their age, decided ones latest decision first, and counts each status', async () => {
    const { t, structure, member, demande } = await scenario();
    await demande('Récente', 1);
    await demande('Ancienne', 10);
    await demande('Moyenne', 5);
    await demande('Validée avant', 20, 'VALIDE', 8);
    await demande('Validée après', 20, 'VALIDE', 2);
    await demande('Refusée', 3, 'REFUSE', 1);

    const pending = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: t, page: 1 });
    expect(pending.counts).toEqual({ EN_ATTENTE: 3, VALIDE: 2, REFUSE: 1 });
    expect(pending.total).toBe(3);
    expect(pending.rows.map((r) => r.employeur.raisonSociale)).toEqual([`Ancienne ${t}`, `Moyenne ${t}`, `Récente ${t}`]);
    expect(pending.rows.map((r) => r.ageJours)).toEqual([10, 5, 1]);
    const first = pending.rows[0]!;
    expect(first.alertes).toEqual(['Alerte de test.']);
    expect(first.structure).toMatchObject({ id: structure.id, raisonSociale: structure.raisonSociale, siret: structure.siret, email: structure.email });
    expect(first.demandeur).toEqual({ nom: 'Gaëlle Durand', email: member.email });
    expect(first.employeur.email).toBe(`rh@${t}.fr`);

    const valides = await listDemandesEmployeurs(admin, { statut: 'VALIDE', q: t, page: 1 });
    expect(valides.rows.map((r) => r.employeur.raisonSociale)).toEqual([`Validée après ${t}`, `Validée avant ${t}`]);
    const refuses = await listDemandesEmployeurs(admin, { statut: 'REFUSE', q: t, page: 1 });
    expect(refuses.rows.map((r) => [r.employeur.raisonSociale, r.motifRefus])).toEqual([[`Refusée ${t}`, 'Hors champ']]);
  });

  it('searches the employer or the structure, by name (accents ignored) or SIRET (spaces allowed)', async () => {
    const { t, structure, demande } = await scenario();
    const { employeur } = await demande('Boulangerie Fournée', 2);
    const byName = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: `boulangerie fournee ${t}`, page: 1 });
    expect(byName.rows.map((r) => r.employeur.id)).toEqual([employeur.id]);
    const s = employeur.siret;
    const bySiret = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`, page: 1 });
    expect(bySiret.rows.map((r) => r.employeur.id)).toEqual([employeur.id]);
    const byStructure = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: `lycee pro eole ${t}`, page: 1 });
    expect(byStructure.rows.map((r) => r.employeur.id)).toEqual([employeur.id]);
    const byStructureSiret = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: structure.siret, page: 1 });
    expect(byStructureSiret.rows.map((r) => r.employeur.id)).toEqual([employeur.id]);
    const none = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: `introuvable-${t}-%`, page: 1 });
    expect(none).toMatchObject({ total: 0, rows: [], counts: { EN_ATTENTE: 0, VALIDE: 0, REFUSE: 0 } });
  });

  it('tells, computed now, whether the SIRET is already validated for other structures', async () => {
    const { t, demande } = await scenario();
    const { employeur } = await demande('Partagé', 2);
    const before = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: t, page: 1 });
    expect(before.rows[0]!.valideAilleurs).toBe(0);
    for (let i = 0; i < 2; i++) {
      const other = await createStructure(db, { raisonSociale: `Autre ${t} ${i}` });
      await linkEmployeur(db, { structureId: other.id, employeurId: employeur.id, status: 'VALIDE' });
    }
    const third = await createStructure(db, { raisonSociale: `Encore une ${t}` });
    await linkEmployeur(db, { structureId: third.id, employeurId: employeur.id, status: 'REFUSE' });
    const after = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: `Partagé ${t}`, page: 1 });
    expect(after.rows[0]!.valideAilleurs).toBe(2);
  });

  it('pages 20 by 20 and clamps a page past the end', async () => {
    const { t, demande } = await scenario();
    for (let i = 0; i < 21; i++) await demande(`Lot ${String(i).padStart(2, '0')}`, 30 - i);
    const p1 = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: `Lot`, page: 1 });
    expect(p1.rows.length).toBe(20);
    const mine = await listDemandesEmployeurs(admin, { statut: 'EN_ATTENTE', q: t, page: 9 });
    expect(mine).toMatchObject({ page: 2, pageCount: 2, total: 21 });
    expect(mine.rows.map((r) => r.employeur.raisonSociale)).toEqual([`Lot 20 ${t}`]);
  });

  it('exports every status of the search', async () => {
    const { t, demande } = await scenario();
    await demande('Export attente', 2);
    await demande('Export validé', 4, 'VALIDE', 1);
    const rows = await exportDemandesEmployeurs(admin, { q: t });
    expect(rows.map((r) => r.status).sort()).toEqual(['EN_ATTENTE', 'VALIDE']);
    expect(await exportDemandesEmployeurs(admin, { q: t, statut: 'VALIDE' })).toHaveLength(1);
  });
});

describe('admin « Demandes d’employeurs » — validation de la sélection', () => {
  it('validates the pending ones, reports the one already decided, e-mails the members, audits', async () => {
    const { t, member, demande } = await scenario();
    const a = await demande('Lot A', 3);
    const b = await demande('Lot B', 2);
    const deja = await demande('Lot déjà', 2, 'REFUSE', 1);

    const result = await validerDemandesEmployeurs(admin, [a.link.id, b.link.id, deja.link.id, a.link.id]);
    expect(result.validated).toBe(2);
    expect(result.validatedNames.sort()).toEqual([`Lot A ${t}`, `Lot B ${t}`]);
    expect(result.alreadyDecided).toEqual([{ id: deja.link.id, raisonSociale: `Lot déjà ${t}` }]);

    const links = await db.structureEmployeur.findMany({ where: { id: { in: [a.link.id, b.link.id, deja.link.id] } }, orderBy: { requestedAt: 'asc' } });
    expect(Object.fromEntries(links.map((l) => [l.id, l.status]))).toEqual({ [a.link.id]: 'VALIDE', [b.link.id]: 'VALIDE', [deja.link.id]: 'REFUSE' });
    expect(links.find((l) => l.id === a.link.id)!.decidedById).toBe(admin.id);
    expect(await db.emailOutbox.count({ where: { to: member.email, idempotencyKey: { in: [`employeur-decision:${a.link.id}:${member.id}`, `employeur-decision:${b.link.id}:${member.id}`] } } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: 'employeur.validation', entityId: { in: [a.link.id, b.link.id] }, actorId: admin.id } })).toBe(2);

    // again: nothing left to validate
    const again = await validerDemandesEmployeurs(admin, [a.link.id]);
    expect(again).toMatchObject({ validated: 0, alreadyDecided: [{ id: a.link.id }] });
  });

  it('refuses an empty or too large selection', async () => {
    await expect(validerDemandesEmployeurs(admin, [])).rejects.toThrow('Sélectionnez entre 1 et 50 demandes.');
    await expect(validerDemandesEmployeurs(admin, Array.from({ length: 51 }, (_, i) => `id-${i}`))).rejects.toThrow('Sélectionnez entre 1 et 50 demandes.');
  });
});

