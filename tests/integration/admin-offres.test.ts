import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/permissions';
import { RESERVE_ADMIN_MESSAGE } from '@/lib/data/admin-access';
import { OFFRE_DEJA_HORS_LIGNE_MESSAGE, depublierOffre, exportOffresAdmin, listOffresAdmin } from '@/lib/data/admin-offres';
import { db } from '@/lib/db';
import { adminPersonas, current, tag } from '@/tests/helpers/admin-personas';
import { searchOffresPubliquesWith, statutOffrePubliqueWith } from '@/lib/offres-publiques-query';
import { COUVREUR, createActeur, createEmployeur, createOffre, createStructure, createUser, linkEmployeur, uniqueEmail } from '@/tests/factories';


let admin: CurrentUser;
let candidat: CurrentUser;
let acteur: CurrentUser;

beforeAll(async () => {
  ({ admin, candidat, acteur } = await adminPersonas('offres'));
});

async function scenario() {
  const t = tag();
  const structure = await createStructure(db, { raisonSociale: `Lycée Pro Éole ${t}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-offres') });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('u-offres') });
  const employeur = await createEmployeur(db, { raisonSociale: `Toitures Éole ${t}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id, status: 'VALIDE' });
  const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: utilisateur.id, description: `Annonce ${t}` });
  const archivee = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, metier: COUVREUR, status: 'ARCHIVEE' });
  return { t, structure, gestionnaire, utilisateur, employeur, offre, archivee };
}

describe('admin « Offres »', () => {
  it('refuses a candidate, an acteur, a deactivated admin', async () => {
    const { offre } = await scenario();
    const inactif = await current((await createUser(db, { role: 'ADMIN', email: uniqueEmail('admin-inactif-o'), active: false })).id);
    for (const user of [candidat, acteur, inactif]) {
      await expect(listOffresAdmin(user, { page: 1 })).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(exportOffresAdmin(user, {})).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
      await expect(depublierOffre(user, offre.numero, 'Forgé')).rejects.toThrow(RESERVE_ADMIN_MESSAGE);
    }
    expect((await db.offre.findUniqueOrThrow({ where: { id: offre.id } })).status).toBe('EN_COURS');
  });

  it('searches by métier, structure (accents ignored), employer, numéro and status', async () => {
    const { t, offre, archivee } = await scenario();
    const byStructure = await listOffresAdmin(admin, { q: `lycee pro eole ${t}`, page: 1 });
    expect(byStructure.rows.map((r) => r.id).sort()).toEqual([offre.id, archivee.id].sort());
    const enCours = await listOffresAdmin(admin, { q: `eole ${t}`, statut: 'EN_COURS', page: 1 });
    expect(enCours.rows.map((r) => r.id)).toEqual([offre.id]);
    const byNumero = await listOffresAdmin(admin, { q: String(archivee.numero), page: 1 });
    expect(byNumero.rows.map((r) => r.id)).toContain(archivee.id);
    const byEmployeur = await listOffresAdmin(admin, { q: `TOITURES EOLE ${t}`, statut: 'ARCHIVEE', page: 1 });
    expect(byEmployeur.rows.map((r) => r.id)).toEqual([archivee.id]);
    expect(byEmployeur.rows[0]).toMatchObject({ metier: COUVREUR.metier, structureActive: true, candidatures: 0 });
    expect((await exportOffresAdmin(admin, { q: `eole ${t}` })).length).toBe(2);
  });

  it('« Dépublier »: archived with the reason, off the public site, audited, the référent e-mailed', async () => {
    const { t, offre, archivee, utilisateur, gestionnaire } = await scenario();
    expect(await statutOffrePubliqueWith(db, offre.numero)).toBe('EN_COURS');
    await expect(depublierOffre(admin, offre.numero, '  ')).rejects.toThrow('Indiquez le motif');

    const result = await depublierOffre(admin, offre.numero, ' Offre discriminatoire ', { ip: '198.51.100.4' });
    expect(result).toMatchObject({ numero: offre.numero, notified: 1 });
    const after = await db.offre.findUniqueOrThrow({ where: { id: offre.id } });
    expect(after).toMatchObject({ status: 'ARCHIVEE', motifDepublication: 'Offre discriminatoire' });
    expect(after.archivedAt).not.toBeNull();
    expect(await statutOffrePubliqueWith(db, offre.numero)).toBe('ARCHIVEE');
    expect((await searchOffresPubliquesWith(db, { q: `annonce ${t}` })).total).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'offre.depublication', entityId: offre.id } });
    expect(audit).toMatchObject({ actorId: admin.id, ip: '198.51.100.4', before: { status: 'EN_COURS' } });
    expect(audit.after).toMatchObject({ status: 'ARCHIVEE', motifDepublication: 'Offre discriminatoire' });
    const mails = await db.emailOutbox.findMany({ where: { template: 'offre-depubliee', to: { in: [utilisateur.email, gestionnaire.email] } } });
    expect(mails.map((m) => m.to)).toEqual([utilisateur.email]);
    expect(mails[0]!.text).toContain('Motif : Offre discriminatoire');

    await expect(depublierOffre(admin, offre.numero, 'Encore')).rejects.toThrow(OFFRE_DEJA_HORS_LIGNE_MESSAGE);
    await expect(depublierOffre(admin, archivee.numero, 'Archivée')).rejects.toThrow(OFFRE_DEJA_HORS_LIGNE_MESSAGE);
    await expect(depublierOffre(admin, 9_999_999_999, 'Inconnue')).rejects.toThrow('Cette offre est introuvable.');
    expect(await db.auditLog.count({ where: { action: 'offre.depublication', entityId: offre.id } })).toBe(1);
  });

  it('without a référent, every member of the structure is e-mailed', async () => {
    const { structure, employeur, gestionnaire, utilisateur } = await scenario();
    const sans = await createOffre(db, { structureId: structure.id, employeurId: employeur.id });
    const result = await depublierOffre(admin, sans.numero, 'Doublon');
    expect(result.notified).toBe(2);
    const to = (await db.emailOutbox.findMany({ where: { idempotencyKey: { startsWith: `offre-depublication:${sans.id}:` } } })).map((m) => m.to).sort();
    expect(to).toEqual([gestionnaire.email, utilisateur.email].sort());
  });
});
