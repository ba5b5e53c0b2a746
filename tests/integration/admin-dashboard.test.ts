import { afterAll, describe, expect, it } from 'vitest';
import { candidaturesDuMois, loadAdminDashboard, weeklySeries } from '@/lib/admin-dashboard-query';
import { db } from '@/lib/db';
import {
  createActeur,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
} from '@/tests/factories';

// The role check of getAdminDashboard (requireAdmin, reading the session cookie) is proven end to end
// in tests/e2e/admin-dashboard.spec.ts; here, the queries themselves on the real database.
afterAll(() => db.$disconnect());

const DAY_MS = 24 * 60 * 60 * 1000;
const tag = () => Math.random().toString(36).slice(2, 8);

/** Monday (Europe/Paris) of the week holding this instant, « YYYY-MM-DD ». */
function parisMonday(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  const local = new Date(Date.UTC(Number(get('year')), Number(get('month')) - 1, Number(get('day'))) - weekday * DAY_MS);
  return local.toISOString().slice(0, 10);
}

async function world() {
  const structure = await createStructure(db, { raisonSociale: `CFA tableau ${tag()}` });
  const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE');
  const employeur = await createEmployeur(db, { raisonSociale: `Employeur tableau ${tag()}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const candidat = await createUser(db, { role: 'CANDIDAT' });
  const projet = await createProjet(db, { candidatId: candidat.id });
  return { structure, acteur, employeur, candidat, projet };
}

describe('loadAdminDashboard (les requêtes)', () => {
  it('donne 12 semaines consécutives commençant le lundi, avec des zéros quand il n’y a rien', async () => {
    // far in the past: no data at all in those weeks
    const series = await weeklySeries(db, new Date('2001-03-14T12:00:00Z'));
    expect(series).toHaveLength(12);
    expect(series.every((w) => w.offres === 0 && w.candidatures === 0)).toBe(true);
    expect(series.at(-1)!.weekStart).toBe('2001-03-12');
    expect(series[0]!.weekStart).toBe('2000-12-25');
    for (const w of series) expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('compte une offre publiée et une candidature dans la bonne semaine (heure de Paris)', async () => {
    const { structure, employeur, candidat, projet } = await world();
    const now = new Date();
    const before = await weeklySeries(db, now);

    const twoWeeksAgo = new Date(now.getTime() - 14 * DAY_MS);
    const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, publishedAt: twoWeeksAgo });
    const candidature = await createCandidature(db, { offreId: offre.id, candidatId: candidat.id, projetId: projet.id });
    await db.candidature.update({ where: { id: candidature.id }, data: { createdAt: new Date(now.getTime() - 7 * DAY_MS) } });

    const after = await weeklySeries(db, now);
    expect(after.map((w) => w.weekStart)).toEqual(before.map((w) => w.weekStart));
    const offreWeek = after.findIndex((w) => w.weekStart === parisMonday(twoWeeksAgo));
    const candWeek = after.findIndex((w) => w.weekStart === parisMonday(new Date(now.getTime() - 7 * DAY_MS)));
    expect(offreWeek).toBeGreaterThanOrEqual(8);
    expect(candWeek).toBeGreaterThanOrEqual(9);
    after.forEach((w, i) => {
      expect(w.offres - before[i]!.offres, `offres ${w.weekStart}`).toBe(i === offreWeek ? 1 : 0);
      expect(w.candidatures - before[i]!.candidatures, `candidatures ${w.weekStart}`).toBe(i === candWeek ? 1 : 0);
    });
  });

  it('une offre publiée le dimanche 23 h 30 UTC (lundi 0 h 30 à Paris) compte dans la semaine du lundi', async () => {
    const { structure, employeur } = await world();
    const now = new Date('2031-11-26T12:00:00Z'); // a Wednesday
    const before = await weeklySeries(db, now);
    await createOffre(db, { structureId: structure.id, employeurId: employeur.id, publishedAt: new Date('2031-11-23T23:30:00Z') });
    const after = await weeklySeries(db, now);
    expect(after.at(-1)!.weekStart).toBe('2031-11-24');
    expect(after.at(-1)!.offres - before.at(-1)!.offres).toBe(1);
    expect(after.at(-2)!.offres - before.at(-2)!.offres).toBe(0);
  });

  it('candidatures du mois (mois calendaire de Paris) et part de celles qui ont reçu une réponse', async () => {
    const { structure, employeur, acteur } = await world();
    // 1 December 2031, 00:30 in Paris = 30 November 23:30 UTC
    const now = new Date('2031-11-30T23:30:00Z');
    const before = await candidaturesDuMois(db, now);
    const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id });
    const at = async (iso: string, status: 'A_TRAITER' | 'ACCEPTEE') => {
      const candidat = await createUser(db, { role: 'CANDIDAT' });
      const projet = await createProjet(db, { candidatId: candidat.id });
      const c = await createCandidature(db, { offreId: offre.id, candidatId: candidat.id, projetId: projet.id, status, answeredById: acteur.id });
      await db.candidature.update({ where: { id: c.id }, data: { createdAt: new Date(iso) } });
    };
    await at('2031-11-30T23:10:00Z', 'ACCEPTEE'); // 1 December 00:10 in Paris: this month
    await at('2031-11-30T23:20:00Z', 'A_TRAITER'); // this month
    await at('2031-11-30T22:50:00Z', 'ACCEPTEE'); // 30 November 23:50 in Paris: last month
    const after = await candidaturesDuMois(db, now);
    expect(after.total - before.total).toBe(2);
    expect(after.repondues - before.repondues).toBe(1);
    expect(after.tauxReponse).toBe(Math.round((after.repondues / after.total) * 100));
    if (before.total === 0) expect(after.tauxReponse).toBe(50);
    expect((await candidaturesDuMois(db, new Date('2001-03-14T12:00:00Z'))).tauxReponse).toBeNull();
  });

  it('les demandes d’employeurs en attente les plus anciennes, avec leur ancienneté en jours', async () => {
    const { structure } = await world();
    const now = new Date();
    const employeur = await createEmployeur(db, { raisonSociale: `Très vieille demande ${tag()}` });
    const link = await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id, status: 'EN_ATTENTE' });
    // older than anything else in the database
    const requestedAt = new Date(now.getTime() - 5000 * DAY_MS - 3600_000);
    await db.structureEmployeur.update({ where: { id: link.id }, data: { requestedAt } });

    const d = await loadAdminDashboard(db, now);
    expect(d.demandes.total).toBe(await db.structureEmployeur.count({ where: { status: 'EN_ATTENTE' } }));
    expect(d.demandes.plusAnciennes.length).toBeLessThanOrEqual(5);
    expect(d.demandes.plusAnciennes[0]).toMatchObject({ id: link.id, employeur: employeur.raisonSociale, structure: structure.raisonSociale, ageJours: 5000 });
    const dates = d.demandes.plusAnciennes.map((x) => x.requestedAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));

    expect(d.offres.EN_COURS).toBe(await db.offre.count({ where: { status: 'EN_COURS' } }));
    expect(d.offres.POURVUE).toBe(await db.offre.count({ where: { status: 'POURVUE' } }));
    expect(d.structures.actives + d.structures.inactives).toBe(await db.structure.count());
    expect(d.candidats).toBe(await db.user.count({ where: { role: 'CANDIDAT', anonymizedAt: null } }));
    expect(d.emails.echec).toBe(await db.emailOutbox.count({ where: { status: 'ECHEC' } }));
    expect(d.emails.enAttente).toBe(await db.emailOutbox.count({ where: { status: 'EN_ATTENTE' } }));
    expect(d.semaines).toHaveLength(12);

    // leave the demo data as it was for the e2e dashboard: this request is decided
    await db.structureEmployeur.update({ where: { id: link.id }, data: { status: 'REFUSE', motifRefus: 'Test', decidedAt: now } });
  });
});
