import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/permissions';
import { RESERVE_ADMIN_MESSAGE } from '@/lib/data/admin-access';
import { DEJA_ACTIVE_MESSAGE, DEJA_DESACTIVEE_MESSAGE, exportStructures, getStructureDetail, listStructures, setStructureActive } from '@/lib/data/admin-structures';
import { db } from '@/lib/db';
import { adminPersonas, current, tag } from '@/tests/helpers/admin-personas';
import { searchOffresPubliquesWith, statutOffrePubliqueWith } from '@/lib/offres-publiques-query';
import { createActeur, createEmployeur, createOffre, createStructure, createUser, linkEmployeur, uniqueEmail } from '@/tests/factories';


let admin: CurrentUser;
let candidat: CurrentUser;
let acteur: CurrentUser;

beforeAll(async () => {
  ({ admin, candidat, acteur } = await adminPersonas('structures'));
});

/** A structure with a gestionnaire, an utilisateur, a validated employer and an open offer. */
async function scenario(opts: { commune?: string } = {}) {
  const t = tag();
  const structure = await createStructure(db, { raisonSociale: `Lycée Pro Éole ${t}`, commune: opts.commune ?? 'Bordeaux' });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-eole'), prenom: 'Gaëlle' });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('u-eole') });
  const employeur = await createEmployeur(db, { raisonSociale: `Menuiserie Éole ${t}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id, status: 'VALIDE' });
  const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: gestionnaire.id, description: `Offre unique ${t}` });
  await createOffre(db, { structureId: structure.id, employeurId: employeur.id, status: 'ARCHIVEE' });
  return { t, structure, gestionnaire, utilisateur, employeur, offre };
}

describe('admin « Structures » — droits', () => {
  it('refuses a candidate, an acteur, a deactivated admin and no user at all', async () => {
    const { structure } = await scenario();
    const inactif = await current((await createUser(db, { role: 'ADMIN', email: uniqueEmail('admin-inactif-s'), active: false })).id);
    for (const user of [candidat, acteur, inactif, { ...candidat, role: 'ADMIN' as const }]) {
      await expect(listStructures(user, { page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(exportStructures(user, {})).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(getStructureDetail(user, structure.numero)).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(setStructureActive(user, structure.id, false, 'Forgé')).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    }
    await expect(listStructures(null as unknown as CurrentUser, { page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    expect((await db.structure.findUniqueOrThrow({ where: { id: structure.id } })).active).toBe(true);
    expect(await db.auditLog.count({ where: { entityType: 'Structure', entityId: structure.id } })).toBe(0);
  });
});

describe('admin « Structures » — liste et détail', () => {
  it('searches by raison sociale (accents ignored), SIRET (spaces allowed), numéro and commune, with the counts', async () => {
    const { t, structure } = await scenario({ commune: `Saint-Émilion-${'x'}` });
    const byName = await listStructures(admin, { q: `lycee pro EOLE ${t}`, page: 1 });
    expect(byName.rows.map((r) => r.id)).toEqual([structure.id]);
    expect(byName.rows[0]).toMatchObject({ numero: structure.numero, siret: structure.siret, type: 'CFA', active: true, membres: 2, offresEnCours: 1 });
    const s = structure.siret;
    const bySiret = await listStructures(admin, { q: `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`, page: 1 });
    expect(bySiret.rows.map((r) => r.id)).toEqual([structure.id]);
    const byNumero = await listStructures(admin, { q: String(structure.numero), page: 1 });
    expect(byNumero.rows.map((r) => r.id)).toContain(structure.id);
    const byCommune = await listStructures(admin, { q: 'saint-emilion-x', page: 1 });
    expect(byCommune.rows.map((r) => r.id)).toContain(structure.id);
    const none = await listStructures(admin, { q: `introuvable-${t}-%`, page: 1 });
    expect(none).toMatchObject({ total: 0, rows: [], page: 1, pageCount: 1 });
    expect((await exportStructures(admin, { q: `Éole ${t}` })).map((r) => r.id)).toEqual([structure.id]);
  });

  it('pages 20 by 20 and clamps a page past the end', async () => {
    const t = tag();
    for (let i = 0; i < 21; i++) await createStructure(db, { raisonSociale: `Lot ${t} ${String(i).padStart(2, '0')}` });
    const p1 = await listStructures(admin, { q: `Lot ${t}`, page: 1 });
    expect(p1).toMatchObject({ total: 21, pageCount: 2, page: 1 });
    expect(p1.rows).toHaveLength(20);
    const last = await listStructures(admin, { q: `Lot ${t}`, page: 9 });
    expect(last.page).toBe(2);
    expect(last.rows.map((r) => r.raisonSociale)).toEqual([`Lot ${t} 20`]);
  });

  it('shows the members with their roles, the employers with their status and the offers', async () => {
    const { structure, gestionnaire, utilisateur, employeur, offre } = await scenario();
    const detail = await getStructureDetail(admin, structure.numero);
    expect(detail).not.toBeNull();
    expect(detail!.membres.map((m) => [m.id, m.role]).sort()).toEqual([[gestionnaire.id, 'GESTIONNAIRE'], [utilisateur.id, 'UTILISATEUR']].sort());
    expect(detail!.employeurs).toEqual([expect.objectContaining({ id: employeur.id, status: 'VALIDE' })]);
    expect(detail!.offres.map((o) => o.status).sort()).toEqual(['ARCHIVEE', 'EN_COURS']);
    expect(detail!.offres.find((o) => o.status === 'EN_COURS')!.numero).toBe(offre.numero);
    expect(await getStructureDetail(admin, 999_999_999)).toBeNull();
  });
});

describe('admin « Structures » — désactivation', () => {
  it('deactivates: offers leave the public site, members signed out, audited, e-mailed; reactivates', async () => {
    const { t, structure, gestionnaire, utilisateur, offre } = await scenario();
    expect(await statutOffrePubliqueWith(db, offre.numero)).toBe('EN_COURS');
    expect((await searchOffresPubliquesWith(db, { q: `unique ${t}` })).total).toBe(1);
    const versions = await db.user.findMany({ where: { id: { in: [gestionnaire.id, utilisateur.id] } }, select: { id: true, sessionVersion: true } });

    const result = await setStructureActive(admin, structure.id, false, '  Structure fermée  ', { ip: '203.0.113.9' });
    expect(result).toMatchObject({ active: false, notified: 2, offresEnCours: 1, raisonSociale: structure.raisonSociale });

    expect((await db.structure.findUniqueOrThrow({ where: { id: structure.id } })).active).toBe(false);
    expect(await statutOffrePubliqueWith(db, offre.numero)).toBeNull();
    expect((await searchOffresPubliquesWith(db, { q: `unique ${t}` })).total).toBe(0);
    const after = await db.user.findMany({ where: { id: { in: [gestionnaire.id, utilisateur.id] } }, select: { id: true, sessionVersion: true } });
    for (const u of after) expect(u.sessionVersion).toBe(versions.find((v) => v.id === u.id)!.sessionVersion + 1);
    // the offer itself is untouched (it comes back with the structure)
    expect((await db.offre.findUniqueOrThrow({ where: { id: offre.id } })).status).toBe('EN_COURS');

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'structure.desactivation', entityId: structure.id } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: 'Structure', ip: '203.0.113.9', before: { active: true } });
    expect(audit.after).toMatchObject({ active: false, motif: 'Structure fermée', membres: 2, offresEnCours: 1 });
    const mails = await db.emailOutbox.findMany({ where: { to: { in: [gestionnaire.email, utilisateur.email] }, template: 'structure-desactivee' } });
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe(`Structure désactivée : ${structure.raisonSociale}`);
    expect(mails[0]!.text).toContain('Motif : Structure fermée');

    // twice: refused, nothing more written
    await expect(setStructureActive(admin, structure.id, false, 'Encore')).rejects.toThrow(DEJA_DESACTIVEE_MESSAGE);
    expect(await db.auditLog.count({ where: { entityId: structure.id, action: 'structure.desactivation' } })).toBe(1);

    const detail = await getStructureDetail(admin, structure.numero);
    expect(detail!.derniereDecision).toMatchObject({ action: 'desactivation', motif: 'Structure fermée' });
    expect((await listStructures(admin, { q: structure.siret, page: 1 })).rows[0]!.active).toBe(false);

    // reactivation
    const back = await setStructureActive(admin, structure.id, true, 'Erreur de manipulation');
    expect(back).toMatchObject({ active: true, notified: 2 });
    expect(await statutOffrePubliqueWith(db, offre.numero)).toBe('EN_COURS');
    expect((await searchOffresPubliquesWith(db, { q: `unique ${t}` })).total).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: structure.id, action: 'structure.reactivation', actorId: admin.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: gestionnaire.email, template: 'structure-reactivee' } })).toBe(1);
    await expect(setStructureActive(admin, structure.id, true, 'Encore')).rejects.toThrow(DEJA_ACTIVE_MESSAGE);
  });

  it('requires a reason and a known structure', async () => {
    const { structure } = await scenario();
    await expect(setStructureActive(admin, structure.id, false, '   ')).rejects.toThrow('Indiquez le motif');
    await expect(setStructureActive(admin, structure.id, false, 'x'.repeat(1001))).rejects.toThrow('1000 caractères');
    await expect(setStructureActive(admin, 'inconnue', false, 'Motif')).rejects.toThrow('Cette structure est introuvable.');
    expect((await db.structure.findUniqueOrThrow({ where: { id: structure.id } })).active).toBe(true);
  });
});
