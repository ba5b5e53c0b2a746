import { describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import { refreshAlertesForOffre, refreshAlertesForProjet } from '@/lib/alertes/refresh';
import { createProjet as createProjetFor, updateProjet } from '@/lib/data/candidat';
import { countAlertes, dismissAlerte, getDashboard, listAlertes } from '@/lib/data/alertes';
import { db } from '@/lib/db';
import { projetSchema } from '@/lib/validations/candidat';
import {
  CARRELEUR,
  COUVREUR,
  TECHNICO_COMMERCIAL,
  createActeur,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
} from '@/tests/factories';
import { currentUserOf } from '@/tests/helpers/current-user';

/**
 * « Alertes » in the database: raised when a project or an offer is written, only for consenting
 * candidates, explained by their chips, kept dismissed, scoped to the structure.
 */

async function structureWithOffre(offre: Partial<Parameters<typeof createOffre>[1]> = {}) {
  const structure = await createStructure(db, {});
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE');
  const employeur = await createEmployeur(db, {});
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const o = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: gestionnaire.id, metier: CARRELEUR, departementCode: '33', ...offre });
  await refreshAlertesForOffre(db, o.id);
  return { structure, staff: (await currentUserOf(db, gestionnaire.id)) as StaffUser, offre: o };
}

async function candidat() {
  return currentUserOf(db, (await createUser(db, { role: 'CANDIDAT' })).id);
}

async function alertesOf(projetId: string) {
  return db.alerte.findMany({ where: { projetId }, select: { offreId: true, raisons: true, score: true, dismissedAt: true } });
}

describe('refresh when a project is written', () => {
  it('a consenting project matching an offer raises an alert with its reasons; a non-consenting one never does', async () => {
    const { offre, staff } = await structureWithOffre();
    const u = await candidat();
    const visible = await createProjet(db, { candidatId: u.id, metier: CARRELEUR, departements: ['33'], niveau: 3 });
    const invisible = await createProjet(db, { candidatId: u.id, metier: CARRELEUR, departements: ['33'], niveau: 3, visible: false });
    await refreshAlertesForProjet(db, visible.id);
    await refreshAlertesForProjet(db, invisible.id);
    // (other offers of the shared test database may match too)
    expect((await alertesOf(visible.id)).find((a) => a.offreId === offre.id)).toMatchObject({ raisons: ['Même métier', 'Apprentissage', 'Gironde', 'Niveau CAP, BEP'], dismissedAt: null });
    expect(await alertesOf(invisible.id)).toEqual([]);
    const mine = (await listAlertes(staff, 1, { take: 1000 })).items.map((a) => a.projet.numero).filter((n) => [visible.numero, invisible.numero].includes(n));
    expect(mine).toEqual([visible.numero]);
  });

  it('through « Mes projets »: created → raised; consent withdrawn → gone; another département → gone', async () => {
    const { offre } = await structureWithOffre();
    const u = await candidat();
    const cap = await db.certification.findFirstOrThrow({ where: { intituleRecherche: 'cap - carreleur mosaiste' }, select: { id: true } });
    const input = {
      appellationCode: CARRELEUR.appellationCode,
      types: ['APPRENTISSAGE'],
      certificationId: cap.id,
      dureeAnnees: '2',
      zoneRegion: false,
      departements: ['33'],
      formations: [],
      experiences: [],
      visible: true,
    };
    const { numero } = await createProjetFor(u, projetSchema.parse(input));
    const projet = await db.projet.findUniqueOrThrow({ where: { numero } });
    expect((await alertesOf(projet.id)).map((a) => a.offreId)).toContain(offre.id);

    await updateProjet(u, numero, projetSchema.parse({ ...input, visible: false }));
    expect(await alertesOf(projet.id)).toEqual([]);
    await updateProjet(u, numero, projetSchema.parse({ ...input, visible: true }));
    expect((await alertesOf(projet.id)).map((a) => a.offreId)).toContain(offre.id);
    await updateProjet(u, numero, projetSchema.parse({ ...input, departements: ['87'] }));
    expect((await alertesOf(projet.id)).map((a) => a.offreId)).not.toContain(offre.id);
  });

  it('a deactivated candidate’s projects raise nothing', async () => {
    await structureWithOffre();
    const u = await createUser(db, { role: 'CANDIDAT', active: false });
    const p = await createProjet(db, { candidatId: u.id, metier: CARRELEUR });
    await refreshAlertesForProjet(db, p.id);
    expect(await alertesOf(p.id)).toEqual([]);
  });
});

describe('refresh when an offer is written', () => {
  it('raises alerts for the matching visible projects only, best score first; an offer no longer « En cours » raises none', async () => {
    const u = await candidat();
    const exact = await createProjet(db, { candidatId: u.id, metier: CARRELEUR, departements: ['33'], niveau: 3 });
    const proche = await createProjet(db, { candidatId: u.id, metier: COUVREUR, zoneRegion: true, departements: [], niveau: 3 });
    const autreMetier = await createProjet(db, { candidatId: u.id, metier: TECHNICO_COMMERCIAL, departements: ['33'] });
    const autreType = await createProjet(db, { candidatId: u.id, metier: CARRELEUR, types: ['STAGE_PRO'], departements: ['33'] });
    const autreNiveau = await createProjet(db, { candidatId: u.id, metier: CARRELEUR, departements: ['33'], niveau: 5 });
    const { staff, offre } = await structureWithOffre();
    // other candidates' projects of the shared test database may match too: look at this candidate's
    const mine = new Set([exact.numero, proche.numero, autreMetier.numero, autreType.numero, autreNiveau.numero]);
    const items = (await listAlertes(staff, 1, { take: 1000 })).items.filter((a) => mine.has(a.projet.numero));
    expect(items.map((a) => a.projet.numero)).toEqual([exact.numero, proche.numero]);
    expect(items[0]!.score).toBeGreaterThan(items[1]!.score);
    expect(items[1]!.raisons).toEqual(['Métier proche', 'Apprentissage', 'Gironde', 'Niveau CAP, BEP']);

    await db.offre.update({ where: { id: offre.id }, data: { status: 'POURVUE', pourvueAt: new Date() } });
    expect(await countAlertes(staff)).toBe(0);
    await refreshAlertesForOffre(db, offre.id);
    expect(await db.alerte.count({ where: { offreId: offre.id } })).toBe(0);
  });
});

describe('reading and dismissing', () => {
  it('a dismissed alert leaves the list for every member and stays dismissed after a refresh; another structure cannot touch it', async () => {
    const u = await candidat();
    const p = await createProjet(db, { candidatId: u.id, metier: CARRELEUR, departements: ['33'], niveau: 3 });
    const { staff, offre, structure } = await structureWithOffre();
    const collegue = (await currentUserOf(db, (await createActeur(db, structure.id, 'UTILISATEUR')).id)) as StaffUser;
    const other = await structureWithOffre();
    const alerte = (await listAlertes(staff, 1, { take: 1000 })).items.find((a) => a.projet.numero === p.numero);
    expect(alerte).toBeDefined();
    const before = await countAlertes(staff);

    await expect(dismissAlerte(other.staff, alerte!.id)).rejects.toThrow('Alerte introuvable.');
    expect((await listAlertes(other.staff, 1)).items.map((a) => a.id)).not.toContain(alerte!.id);

    await dismissAlerte(staff, alerte!.id);
    expect(await countAlertes(collegue)).toBe(before - 1);
    await refreshAlertesForOffre(db, offre.id);
    await refreshAlertesForProjet(db, p.id);
    expect((await db.alerte.findUniqueOrThrow({ where: { id: alerte!.id } })).dismissedAt).not.toBeNull();
    expect(await countAlertes(staff)).toBe(before - 1);
    await expect(dismissAlerte(staff, alerte!.id)).rejects.toThrow('Alerte introuvable.');
  });

  it('the dashboard counts favourites of visible projects only and applications of the structure’s offers', async () => {
    const { staff, offre } = await structureWithOffre();
    const u = await candidat();
    const visible = await createProjet(db, { candidatId: u.id });
    const cache = await createProjet(db, { candidatId: u.id, visible: false });
    await db.favori.createMany({ data: [{ userId: staff.id, projetId: visible.id }, { userId: staff.id, projetId: cache.id }] });
    const d = await getDashboard(staff);
    expect(d.favoris.total).toBe(1);
    expect(d.favoris.items.map((f) => f.numero)).toEqual([visible.numero]);
    expect(d.candidatures.total).toBe(0);
    expect(d.alertes.items.every((a) => a.offre.numero === offre.numero)).toBe(true);
  });
});
