import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import type { CurrentUser } from '@/lib/auth/permissions';
import { answerCandidature, postuler } from '@/lib/data/candidatures';
import { countCandidaturesRecues, getCandidatureRecue } from '@/lib/data/candidatures-recues';
import { requestEmployeur } from '@/lib/data/employeurs';
import { removeMembre, transferRights } from '@/lib/data/membres';
import { db } from '@/lib/db';
import { serverEnv } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { CANDIDATURE_MESSAGES, REPONSE_MESSAGES, postulerSchema } from '@/lib/validations/candidat';
import { EMPLOYEURS_MESSAGES, employeurSchema, type EmployeurInput } from '@/lib/validations/employeurs';
import { MEMBRES_MESSAGES } from '@/lib/validations/membres';
import {
  COUVREUR,
  createActeur,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
  randomSiret,
  uniqueEmail,
} from '@/tests/factories';
import { startFakeRechercheEntreprises } from '@/tests/fakes/recherche-entreprises-server';
import { currentUserOf } from '@/tests/helpers/current-user';

/**
 * Issue 9 « Concurrency and faults », the four races in one place, against a real PostgreSQL:
 * - 50 simultaneous answers to one application → exactly one recorded (row-conditional update);
 * - simultaneous transfers of rights / removals → the structure always keeps ≥ 1 gestionnaire
 *   (the structure's memberships are locked FOR UPDATE by every change of roles);
 * - 20 simultaneous applications by one candidate to one offer → one (the candidate's row is locked);
 * - 20 simultaneous employer requests for one SIRET → one Employeur record. The Employeur is global
 *   (unique SIRET, shared by every structure; each structure has its own StructureEmployeur link,
 *   unique per structure): INSERT … ON CONFLICT DO NOTHING, then the row is locked.
 * A losing request is always a UserFacingError with the message the user reads, never a 500.
 */

let fakeEntreprises: Awaited<ReturnType<typeof startFakeRechercheEntreprises>>;
beforeAll(async () => {
  fakeEntreprises = await startFakeRechercheEntreprises({ port: 0 });
  (serverEnv() as { RECHERCHE_ENTREPRISES_URL: string }).RECHERCHE_ENTREPRISES_URL = fakeEntreprises.url;
});
afterAll(async () => {
  await fakeEntreprises.stop();
  await db.$disconnect();
});

const tag = () => randomUUID().slice(0, 6);
const asStaff = async (id: string) => (await currentUserOf(db, id)) as StaffUser;
const asCurrentUser = (id: string): Promise<CurrentUser> => currentUserOf(db, id);

function rejections(results: PromiseSettledResult<unknown>[]) {
  return results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
}

/** A structure with a gestionnaire and a utilisateur (the référent), a validated employer and an offer « En cours ». */
async function world() {
  const t = tag();
  const structure = await createStructure(db, { raisonSociale: `CFA Concurrence ${t}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('conc-g') });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('conc-u') });
  const employeur = await createEmployeur(db, { raisonSociale: `Toitures ${t}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: utilisateur.id, metier: COUVREUR });
  return { structure, gestionnaire: await asStaff(gestionnaire.id), utilisateur: await asStaff(utilisateur.id), offre };
}

async function candidat() {
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('conc-c'), prenom: 'Léo' });
  const projet = await createProjet(db, { candidatId: user.id, metier: COUVREUR, types: ['APPRENTISSAGE'], visible: false });
  return { user, projet, current: await currentUserOf(db, user.id) };
}

describe('answers: 50 at the same moment', () => {
  it('50 simultaneous answers by two members: exactly one recorded, the 49 others told it was already answered', async () => {
    const w = await world();
    const c = await candidat();
    const { numero } = await postuler(c.current, w.offre.numero, postulerSchema.parse({ projetNumero: c.projet.numero, joindreCv: false }));
    const staff = [w.gestionnaire, w.utilisateur];
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => answerCandidature(staff[i % 2]!, numero, { type: i % 3 === 0 ? 'REFUS' : 'ENTRETIEN', message: `Réponse ${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = rejections(results);
    expect(rejected).toHaveLength(49);
    for (const e of rejected) {
      expect(e).toBeInstanceOf(UserFacingError);
      expect(e.message).toBe(REPONSE_MESSAGES.dejaRepondu);
    }

    const stored = await db.candidature.findUniqueOrThrow({ where: { numero } });
    const winner = Number(stored.reponseMessage!.replace('Réponse ', ''));
    expect(stored).toMatchObject({
      status: winner % 3 === 0 ? 'REFUSEE' : 'ACCEPTEE',
      reponseType: winner % 3 === 0 ? 'REFUS' : 'ENTRETIEN',
      answeredById: staff[winner % 2]!.id,
    });
    // one answer everywhere: the tabs, the detail, one notification, one e-mail, one audit row
    const counts = await countCandidaturesRecues(w.utilisateur);
    expect(counts).toMatchObject({ total: 1, A_TRAITER: 0 });
    expect((await getCandidatureRecue(w.gestionnaire, numero))!.reponse).toMatchObject({ message: `Réponse ${winner}` });
    expect(await db.notification.count({ where: { userId: c.user.id, type: 'REPONSE_CANDIDATURE' } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: c.user.email } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'candidature.reponse', entityId: stored.id } })).toBe(1);
  });
});

describe('transfers of rights: a structure never ends with zero gestionnaires', () => {
  const M = MEMBRES_MESSAGES;
  const EXPECTED = new Set<string>([M.reserveAuGestionnaire, M.membreIntrouvable, M.transfertDejaGestionnaire, M.transfertSoiMeme, M.retraitSoiMeme, M.dernierGestionnaire]);

  async function freshStructure(gestionnaires: number, utilisateurs: number) {
    const structure = await createStructure(db, { raisonSociale: `CFA droits ${tag()}` });
    const gs = [];
    for (let i = 0; i < gestionnaires; i++) gs.push(await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail(`conc-g${i}`) }));
    const us = [];
    for (let i = 0; i < utilisateurs; i++) us.push(await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail(`conc-u${i}`) }));
    return { structure, gs: await Promise.all(gs.map((g) => asCurrentUser(g.id))), us };
  }

  function shuffle<T>(items: T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }

  async function race(structureId: string, ops: (() => Promise<unknown>)[]) {
    const results = await Promise.allSettled(shuffle(ops).map((run) => run()));
    for (const e of rejections(results)) {
      expect(e).toBeInstanceOf(UserFacingError);
      expect(EXPECTED.has(e.message), e.message).toBe(true);
    }
    // at least one always succeeds (the first to take the lock) and one gestionnaire always remains
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const roles = await db.membership.groupBy({ by: ['role'], where: { structureId }, _count: true });
    expect(roles.find((r) => r.role === 'GESTIONNAIRE')?._count ?? 0).toBeGreaterThanOrEqual(1);
    return results;
  }

  it('the only gestionnaire transfers to two different utilisateurs at once: one transfer, exactly one gestionnaire', async () => {
    for (let round = 0; round < 10; round++) {
      const { structure, gs, us } = await freshStructure(1, 2);
      const results = await race(structure.id, [() => transferRights(gs[0]!, us[0]!.numero), () => transferRights(gs[0]!, us[1]!.numero)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await db.membership.count({ where: { structureId: structure.id, role: 'GESTIONNAIRE' } })).toBe(1);
    }
  });

  it('G1 and G2 transfer to U and remove each other at the same moment, 20 times on fresh structures', async () => {
    for (let round = 0; round < 20; round++) {
      const { structure, gs, us } = await freshStructure(2, 1);
      const [g1, g2] = gs as [CurrentUser, CurrentUser];
      await race(structure.id, [
        () => transferRights(g1, us[0]!.numero),
        () => transferRights(g2, us[0]!.numero),
        () => removeMembre(g1, g2.numero),
        () => removeMembre(g2, g1.numero),
      ]);
    }
  });

  it('two gestionnaires transfer to two different utilisateurs while removing each other, 10 times', async () => {
    for (let round = 0; round < 10; round++) {
      const { structure, gs, us } = await freshStructure(2, 2);
      const [g1, g2] = gs as [CurrentUser, CurrentUser];
      await race(structure.id, [
        () => transferRights(g1, us[0]!.numero),
        () => transferRights(g2, us[1]!.numero),
        () => removeMembre(g1, g2.numero),
        () => removeMembre(g2, g1.numero),
      ]);
    }
  });
});

describe('applications: 20 simultaneous submits by one candidate to one offer', () => {
  it('exactly one application, the 19 others told « déjà postulé »; one notification and one e-mail to the référent', async () => {
    const w = await world();
    const c = await candidat();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => postuler(c.current, w.offre.numero, postulerSchema.parse({ projetNumero: c.projet.numero, joindreCv: false }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = rejections(results);
    expect(rejected).toHaveLength(19);
    for (const e of rejected) {
      expect(e).toBeInstanceOf(UserFacingError);
      expect(e.message).toBe(CANDIDATURE_MESSAGES.dejaPostule);
    }
    expect(await db.candidature.count({ where: { candidatId: c.user.id, offreId: w.offre.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: w.utilisateur.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: w.utilisateur.email } })).toBe(1);
  });
});

describe('employer requests: 20 simultaneous requests for one SIRET', () => {
  function input(overrides: Partial<EmployeurInput>) {
    return employeurSchema.parse({
      siret: randomSiret(),
      raisonSociale: `Concurrente ${tag()}`,
      sigle: '',
      codeNaf: '4332A',
      effectif: '02',
      nomCommercial: '',
      email: '',
      domaineActivite: 'F',
      telephone: '',
      adresse: '3 rue des Artisans',
      complementAdresse: '',
      codePostal: '33000',
      ville: 'BORDEAUX',
      communeInsee: '',
      ...overrides,
    });
  }

  /** A structure with four members (so that no one reaches the per-user hourly limit of requests). */
  async function structureWithMembers() {
    const structure = await createStructure(db, { raisonSociale: `CFA employeurs ${tag()}`, email: `contact@cfa-${tag()}.fr`, telephone: '0556000000' });
    const members: StaffUser[] = [];
    for (const role of ['GESTIONNAIRE', 'UTILISATEUR', 'UTILISATEUR', 'UTILISATEUR'] as const) {
      members.push(await asStaff((await createActeur(db, structure.id, role, { email: uniqueEmail('conc-e') })).id));
    }
    return { structure, members };
  }

  it('one structure: one Employeur, one link, the 19 others told the employer is already followed', async () => {
    const { structure, members } = await structureWithMembers();
    const data = input({});
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => requestEmployeur(members[i % members.length]!, data)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = rejections(results);
    expect(rejected).toHaveLength(19);
    for (const e of rejected) {
      expect(e).toBeInstanceOf(UserFacingError);
      expect(e.message).toBe(EMPLOYEURS_MESSAGES.dejaSuivi('En attente de validation'));
    }
    expect(await db.employeur.count({ where: { siret: data.siret } })).toBe(1);
    expect(await db.structureEmployeur.count({ where: { structureId: structure.id, employeur: { siret: data.siret } } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'employeur.demande', after: { path: ['siret'], equals: data.siret } } })).toBe(1);
  });

  it('two structures, 10 requests each: one Employeur record, one link per structure', async () => {
    const a = await structureWithMembers();
    const b = await structureWithMembers();
    const siret = randomSiret();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => {
        const s = i % 2 === 0 ? a : b;
        return requestEmployeur(s.members[Math.floor(i / 2) % s.members.length]!, input({ siret, raisonSociale: 'Concurrente SARL', email: `${i}@concurrente.fr` }));
      }),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ created: boolean; employeurId: string }>).value);
    expect(fulfilled).toHaveLength(2);
    expect(fulfilled.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(fulfilled.map((r) => r.employeurId)).size).toBe(1);
    for (const e of rejections(results)) {
      expect(e).toBeInstanceOf(UserFacingError);
      expect(e.message).toBe(EMPLOYEURS_MESSAGES.dejaSuivi('En attente de validation'));
    }
    expect(await db.employeur.count({ where: { siret } })).toBe(1);
    const links = await db.structureEmployeur.findMany({ where: { employeur: { siret } } });
    expect(links.map((l) => l.structureId).sort()).toEqual([a.structure.id, b.structure.id].sort());
  });
});
