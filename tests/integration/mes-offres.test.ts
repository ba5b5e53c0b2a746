import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import { OffreNotFoundError, listMesOffres, setOffreStatus, type MesOffresReader } from '@/lib/data/mes-offres';
import { db } from '@/lib/db';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { MES_OFFRES_MESSAGES as M, MES_OFFRES_PAGE_SIZE, candidaturesLabel } from '@/lib/validations/mes-offres';
import {
  COUVREUR,
  createActeur,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
  uniqueEmail,
} from '@/tests/factories';

/** The signed-in acteur as the guards hand it to data functions. */
async function asStaff(id: string): Promise<StaffUser> {
  return (await db.user.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      numero: true,
      email: true,
      prenom: true,
      nom: true,
      role: true,
      membership: {
        select: { role: true, structure: { select: { id: true, numero: true, raisonSociale: true, completedAt: true, active: true } } },
      },
    },
  })) as StaffUser;
}

async function freshStructure() {
  const structure = await createStructure(db, { raisonSociale: `CFA mes offres ${Math.random().toString(36).slice(2, 8)}` });
  const g = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('mo-g'), prenom: 'Gaëlle', nom: 'Gestion' });
  const u = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('mo-u'), prenom: 'Ulysse', nom: 'Utile' });
  const employeur = await createEmployeur(db, { raisonSociale: 'Toitures du Test' });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  return { structure, g, u, employeur, asG: await asStaff(g.id), asU: await asStaff(u.id) };
}

async function offreRow(id: string) {
  return db.offre.findUniqueOrThrow({ where: { id }, select: { status: true, pourvueAt: true, archivedAt: true, publishedAt: true } });
}

afterAll(async () => {
  await db.$disconnect();
});

describe('setOffreStatus', () => {
  it('moves an offer En cours → Pourvue → En cours → Archivée, with an audit row each time', async () => {
    const s = await freshStructure();
    const offre = await createOffre(db, { structureId: s.structure.id, employeurId: s.employeur.id, referentId: s.g.id });
    const t1 = new Date('2027-01-10T09:00:00.000Z');

    expect(await setOffreStatus(s.asU, offre.numero, 'POURVUE', { now: t1, ip: '10.0.0.1' })).toEqual({
      numero: offre.numero,
      before: 'EN_COURS',
      after: 'POURVUE',
      changed: true,
    });
    expect(await offreRow(offre.id)).toMatchObject({ status: 'POURVUE', pourvueAt: t1, archivedAt: null, publishedAt: offre.publishedAt });

    const t2 = new Date('2027-01-11T09:00:00.000Z');
    await setOffreStatus(s.asG, offre.numero, 'EN_COURS', { now: t2 });
    expect(await offreRow(offre.id)).toMatchObject({ status: 'EN_COURS', pourvueAt: null, archivedAt: null, publishedAt: offre.publishedAt });

    const t3 = new Date('2027-01-12T09:00:00.000Z');
    await setOffreStatus(s.asG, offre.numero, 'ARCHIVEE', { now: t3 });
    expect(await offreRow(offre.id)).toMatchObject({ status: 'ARCHIVEE', archivedAt: t3 });

    const audits = await db.auditLog.findMany({ where: { entityId: offre.id, action: 'offre.statut' }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((a) => [a.actorId, (a.before as { status: string }).status, (a.after as { status: string }).status])).toEqual([
      [s.u.id, 'EN_COURS', 'POURVUE'],
      [s.g.id, 'POURVUE', 'EN_COURS'],
      [s.g.id, 'EN_COURS', 'ARCHIVEE'],
    ]);
    expect(audits[0]).toMatchObject({ entityType: 'Offre', ip: '10.0.0.1' });
    expect(audits[0]!.after).toMatchObject({ numero: offre.numero, pourvueAt: t1.toISOString(), archivedAt: null });
  });

  it('Pourvue → Archivée; an archived offer is reactivated by « open and save », not here', async () => {
    const s = await freshStructure();
    const pourvue = await createOffre(db, { structureId: s.structure.id, employeurId: s.employeur.id, status: 'POURVUE' });
    await setOffreStatus(s.asG, pourvue.numero, 'ARCHIVEE');
    expect((await offreRow(pourvue.id)).status).toBe('ARCHIVEE');

    await expect(setOffreStatus(s.asG, pourvue.numero, 'EN_COURS')).rejects.toThrow(M.reactivation);
    await expect(setOffreStatus(s.asG, pourvue.numero, 'POURVUE')).rejects.toThrow(M.archiveeVersPourvue);
    expect((await offreRow(pourvue.id)).status).toBe('ARCHIVEE');
  });

  it('asking for the status it already has changes nothing (no audit row)', async () => {
    const s = await freshStructure();
    const offre = await createOffre(db, { structureId: s.structure.id, employeurId: s.employeur.id, status: 'POURVUE' });
    const before = await offreRow(offre.id);
    expect(await setOffreStatus(s.asG, offre.numero, 'POURVUE')).toMatchObject({ changed: false, after: 'POURVUE' });
    expect(await offreRow(offre.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { entityId: offre.id, action: 'offre.statut' } })).toBe(0);
  });

  it('another structure’s offer (or an unknown number) is « introuvable » and unchanged', async () => {
    const mine = await freshStructure();
    const theirs = await freshStructure();
    const offre = await createOffre(db, { structureId: theirs.structure.id, employeurId: theirs.employeur.id });
    for (const status of ['POURVUE', 'ARCHIVEE', 'EN_COURS'] as const) {
      await expect(setOffreStatus(mine.asG, offre.numero, status)).rejects.toBeInstanceOf(OffreNotFoundError);
    }
    await expect(setOffreStatus(mine.asU, offre.numero, 'POURVUE')).rejects.toThrow(M.offreIntrouvable);
    await expect(setOffreStatus(mine.asG, 2_000_000_000, 'POURVUE')).rejects.toBeInstanceOf(OffreNotFoundError);
    expect((await offreRow(offre.id)).status).toBe('EN_COURS');
    expect(await db.auditLog.count({ where: { entityId: offre.id } })).toBe(0);
  });

  it('two members changing the same offer at once: the database stays consistent with the audit', async () => {
    const s = await freshStructure();
    const offre = await createOffre(db, { structureId: s.structure.id, employeurId: s.employeur.id });
    const results = await Promise.allSettled([setOffreStatus(s.asG, offre.numero, 'POURVUE'), setOffreStatus(s.asU, offre.numero, 'ARCHIVEE')]);
    const changes = results.filter((r) => r.status === 'fulfilled' && r.value.changed);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toContain(M.changementConcurrent);
    expect(changes.length).toBeGreaterThanOrEqual(1);
    const audits = await db.auditLog.findMany({ where: { entityId: offre.id, action: 'offre.statut' }, orderBy: { createdAt: 'asc' } });
    expect(audits).toHaveLength(changes.length);
    expect((await offreRow(offre.id)).status).toBe((audits.at(-1)!.after as { status: string }).status);
  });
});

describe('listMesOffres', () => {
  it('shows every offer of the structure (to any member), by tab, most recent first, with the card’s fields', async () => {
    const s = await freshStructure();
    const other = await freshStructure();
    await createOffre(db, { structureId: other.structure.id, employeurId: other.employeur.id });
    const base = Date.now();
    const older = await createOffre(db, {
      structureId: s.structure.id,
      employeurId: s.employeur.id,
      referentId: s.u.id,
      publishedAt: new Date(base - 3 * 86400_000),
    });
    const couvreur = await createOffre(db, {
      structureId: s.structure.id,
      employeurId: s.employeur.id,
      metier: COUVREUR,
      commune: 'Pessac',
      dateEmbauche: new Date('2027-09-01'),
      publishedAt: new Date(base - 86400_000),
      diplomes: [
        { intitule: 'CAP couvreur', niveau: 3 },
        { intitule: 'CAP zingueur', niveau: 3 },
        { intitule: 'BP couvreur', niveau: 4 },
        { intitule: 'Titre sans niveau', niveau: null },
      ],
    });
    await createOffre(db, { structureId: s.structure.id, employeurId: s.employeur.id, status: 'POURVUE' });
    for (let i = 0; i < 2; i++) {
      const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('mo-cand') });
      const projet = await createProjet(db, { candidatId: candidat.id, metier: COUVREUR });
      await createCandidature(db, { offreId: couvreur.id, candidatId: candidat.id, projetId: projet.id });
    }

    for (const user of [s.asG, s.asU]) {
      const list = await listMesOffres(user, { statut: 'en-cours', page: 1 });
      expect(list.counts).toEqual({ EN_COURS: 2, POURVUE: 1, ARCHIVEE: 0 });
      expect(list.pageCount).toBe(1);
      expect(list.offres.map((o) => o.numero)).toEqual([couvreur.numero, older.numero]);
      expect(list.offres[0]).toEqual({
        numero: couvreur.numero,
        status: 'EN_COURS',
        metier: COUVREUR.metier,
        entreprise: 'Toitures du Test',
        referent: null,
        commune: 'Pessac',
        dateEmbauche: new Date('2027-09-01T00:00:00.000Z'),
        niveaux: ['Niveau CAP, BEP', 'Niveau Bac'],
        candidatures: 2,
      });
      expect(list.offres[1]).toMatchObject({ referent: 'Ulysse Utile', candidatures: 0 });
    }
    const pourvues = await listMesOffres(s.asG, { statut: 'pourvues', page: 1 });
    expect(pourvues.offres.map((o) => o.status)).toEqual(['POURVUE']);
    const archivees = await listMesOffres(s.asG, { statut: 'archivees', page: 1 });
    expect(archivees).toMatchObject({ offres: [], pageCount: 0 });
    expect([0, 1, 2].map(candidaturesLabel)).toEqual(['0 candidature', '1 candidature', '2 candidatures']);
  });

  it('pages by 20 and runs the same three queries whatever the number of offers (no N+1)', async () => {
    let operations = 0;
    const counting = db.$extends({
      query: {
        $allOperations({ args, query }) {
          operations++;
          return query(args);
        },
      },
    }) as unknown as MesOffresReader;
    // the SQL statements themselves, as PostgreSQL receives them
    let statements = 0;
    const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }), log: [{ emit: 'event', level: 'query' }] });
    logging.$on('query', () => statements++);

    const s = await freshStructure();
    const make = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const offre = await createOffre(db, {
          structureId: s.structure.id,
          employeurId: s.employeur.id,
          referentId: i % 2 ? s.g.id : s.u.id,
          publishedAt: new Date(Date.now() - i * 60_000),
          diplomes: [
            { intitule: `CAP ${i}`, niveau: 3 },
            { intitule: `BTS ${i}`, niveau: 5 },
          ],
        });
        if (i % 5 === 0) {
          const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('mo-n1') });
          const projet = await createProjet(db, { candidatId: candidat.id });
          await createCandidature(db, { offreId: offre.id, candidatId: candidat.id, projetId: projet.id });
        }
      }
    };
    const measure = async (page: number) => {
      operations = 0;
      statements = 0;
      const list = await listMesOffres(s.asG, { statut: 'en-cours', page }, counting);
      const viaLog = await listMesOffres(s.asG, { statut: 'en-cours', page }, logging as unknown as MesOffresReader);
      expect(viaLog).toEqual(list);
      return { list, operations, statements };
    };

    await make(3);
    const small = await measure(1);
    expect(small.list.offres).toHaveLength(3);
    await make(MES_OFFRES_PAGE_SIZE + 2);
    const large = await measure(1);
    expect(large.list.offres).toHaveLength(MES_OFFRES_PAGE_SIZE);
    expect(large.list.pageCount).toBe(2);
    // the status counts, the page, its application counts (one grouped query, lib/relation-counts.ts)
    expect(large.operations).toBe(3);
    expect(small.operations).toBe(3);
    expect(small.statements).toBeGreaterThanOrEqual(2);
    expect(small.statements).toBeLessThanOrEqual(6);
    expect(large.statements).toBe(small.statements);

    const page2 = await measure(2);
    expect(page2.list.offres).toHaveLength(5);
    expect(page2.statements).toBe(small.statements);
    // page 2 continues page 1, most recent first
    const all = [...large.list.offres, ...page2.list.offres];
    const published = await db.offre.findMany({ where: { structureId: s.structure.id }, orderBy: [{ publishedAt: 'desc' }, { numero: 'desc' }], select: { numero: true } });
    expect(all.map((o) => o.numero)).toEqual(published.map((o) => o.numero));
    await logging.$disconnect();
  });
});
